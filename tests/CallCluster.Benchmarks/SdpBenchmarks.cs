using System.Text;
using BenchmarkDotNet.Attributes;
using CallCluster.Sip.Rtp;
using CallCluster.Sip.Sdp;

namespace CallCluster.Benchmarks;

/// <summary>SDP parse and serialise of a typical audio+video offer, and answer construction.</summary>
[MemoryDiagnoser]
public class SdpBenchmarks
{
    private const string Offer =
        "v=0\r\n" +
        "o=alice 2890844526 2890844526 IN IP4 192.0.2.10\r\n" +
        "s=-\r\n" +
        "c=IN IP4 192.0.2.10\r\n" +
        "t=0 0\r\n" +
        "m=audio 49170 RTP/AVP 0 8 101\r\n" +
        "a=rtpmap:0 PCMU/8000\r\n" +
        "a=rtpmap:8 PCMA/8000\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\n" +
        "a=fmtp:101 0-16\r\n" +
        "a=ptime:20\r\n" +
        "a=sendrecv\r\n" +
        "m=video 51372 RTP/AVPF 96 97\r\n" +
        "b=AS:2000\r\n" +
        "a=rtpmap:96 VP8/90000\r\n" +
        "a=rtpmap:97 H264/90000\r\n" +
        "a=fmtp:97 profile-level-id=42e01f;packetization-mode=1\r\n" +
        "a=rtcp-fb:96 nack pli\r\n" +
        "a=rtcp-fb:96 ccm fir\r\n" +
        "a=rtcp-fb:97 nack pli\r\n" +
        "a=rtcp-fb:97 ccm fir\r\n" +
        "a=rtcp-mux\r\n" +
        "a=sendrecv\r\n";

    private readonly byte[] _bytes = Encoding.UTF8.GetBytes(Offer);
    private readonly SdpLocalOptions _options = new(SdpOrigin.Create("callcluster", "1", 1, "203.0.113.1"), "203.0.113.1", [20000, 20002]);
    private SessionDescription _parsed = null!;

    [GlobalSetup]
    public void Setup()
    {
        if (!SdpParser.TryParse(_bytes, out var sdp, out var error))
        {
            throw new InvalidOperationException(error.ToString());
        }

        _parsed = sdp!;
    }

    [Benchmark]
    public SessionDescription? Parse()
    {
        SdpParser.TryParse(_bytes, out var sdp, out _);
        return sdp;
    }

    [Benchmark]
    public byte[] Serialise() => _parsed.ToBytes();

    [Benchmark]
    public OfferAnswerResult CreateAnswer() => OfferAnswer.CreateAnswer(_parsed, SdpCapabilities.AudioVideo, _options);
}
