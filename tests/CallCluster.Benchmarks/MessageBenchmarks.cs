using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using CallCluster.Sip.Message;

namespace CallCluster.Benchmarks;

/// <summary>Parse and serialise a typical INVITE with SDP (about 900 bytes).</summary>
[MemoryDiagnoser]
public class MessageBenchmarks
{
    private const string Sdp =
        "v=0\r\n" +
        "o=alice 2890844526 2890844526 IN IP4 192.0.2.10\r\n" +
        "s=-\r\n" +
        "c=IN IP4 192.0.2.10\r\n" +
        "t=0 0\r\n" +
        "m=audio 49170 RTP/AVP 0 8 101\r\n" +
        "a=rtpmap:0 PCMU/8000\r\n" +
        "a=rtpmap:8 PCMA/8000\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\n" +
        "a=fmtp:101 0-15\r\n" +
        "a=ptime:20\r\n" +
        "a=sendrecv\r\n";

    private static readonly string Invite =
        "INVITE sip:bob@biloxi.example.com SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP pc33.atlanta.example.com:5060;branch=z9hG4bK776asdhds;rport\r\n" +
        "Max-Forwards: 70\r\n" +
        "Route: <sip:proxy.atlanta.example.com;lr>\r\n" +
        "To: Bob <sip:bob@biloxi.example.com>\r\n" +
        "From: Alice <sip:alice@atlanta.example.com>;tag=1928301774\r\n" +
        "Call-ID: a84b4c76e66710@pc33.atlanta.example.com\r\n" +
        "CSeq: 314159 INVITE\r\n" +
        "Contact: <sip:alice@pc33.atlanta.example.com;transport=udp>\r\n" +
        "Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, UPDATE, REFER, NOTIFY\r\n" +
        "Supported: timer, replaces, 100rel\r\n" +
        "Session-Expires: 1800;refresher=uac\r\n" +
        "P-Asserted-Identity: \"Alice\" <sip:+15551234567@atlanta.example.com;user=phone>\r\n" +
        "User-Agent: CallCluster/1.0\r\n" +
        "Content-Type: application/sdp\r\n" +
        "Content-Length: " + Encoding.ASCII.GetByteCount(Sdp) + "\r\n" +
        "\r\n" +
        Sdp;

    private readonly byte[] bytes = Encoding.ASCII.GetBytes(Invite);
    private readonly ArrayBufferWriter<byte> writer = new(2048);
    private SipMessage parsed = null!;

    [GlobalSetup]
    public void Setup()
    {
        if (!SipParser.TryParse(bytes, out var m, out var e))
        {
            throw new InvalidOperationException(e.ToString());
        }

        parsed = m!;
    }

    /// <summary>Bytes of the INVITE under test.</summary>
    public int Size => bytes.Length;

    [Benchmark(Baseline = true)]
    public SipMessage? ParseInvite()
    {
        SipParser.TryParse(bytes, SipParserLimits.Default, out var m, out _);
        return m;
    }

    [Benchmark]
    public SipMessage? ParseInviteInPlace()
    {
        SipParser.TryParseInPlace(bytes, SipParserLimits.Default, out var m, out _);
        return m;
    }

    [Benchmark]
    public int ParseAndReadCommonHeaders()
    {
        SipParser.TryParseInPlace(bytes, SipParserLimits.Default, out var m, out _);
        var r = (SipRequest)m!;
        return r.Method.Length + r.TopVia!.Branch!.Length + r.From!.Tag!.Length + r.To!.Uri.Host.Length
            + r.CallId!.Length + r.CSeq!.Number + r.MaxForwards!.Value + r.Contact.Count;
    }

    [Benchmark]
    public int SerialiseInvite()
    {
        writer.ResetWrittenCount();
        parsed.WriteTo(writer);
        return writer.WrittenCount;
    }

    [Benchmark]
    public SipResponse CreateResponse() => SipMessageFactory.CreateResponse((SipRequest)parsed, 180, toTag: "as83kd");
}
