using BenchmarkDotNet.Attributes;
using CallCluster.Sip.Codecs;
using CallCluster.Sip.Rtp;

namespace CallCluster.Benchmarks;

/// <summary>RTP header parse and in-place rewrite, RTCP compound walk, G.711 frame coding.</summary>
[MemoryDiagnoser]
public class RtpBenchmarks
{
    private readonly byte[] _packet = new byte[172];
    private readonly byte[] _rtcp = new byte[128];
    private readonly short[] _pcm = new short[160];
    private readonly byte[] _encoded = new byte[160];
    private int _rtcpLength;

    [GlobalSetup]
    public void Setup()
    {
        var header = new RtpHeader(0, 1234, 160_000, 0x11223344, marker: true);
        RtpPacket.TryWrite(_packet, header, new byte[160], out _);
        RtcpPacket[] compound =
        [
            new RtcpSenderReport(1, 0xDA8BD1FCDDDDA05A, 160, 10, 1600, [new RtcpReportBlock(2, 0, 0, 100, 3, 0, 0)]),
            RtcpSourceDescription.ForCName(1, "node-1"),
            new RtcpPictureLossIndication(1, 2),
        ];
        RtcpCompound.TryWrite(_rtcp, compound, out _rtcpLength);
        for (int i = 0; i < _pcm.Length; i++)
        {
            _pcm[i] = (short)(8000 * Math.Sin(i * 2 * Math.PI * 440 / 8000));
        }
    }

    [Benchmark]
    public uint ParseHeader()
    {
        RtpHeader.TryRead(_packet, out var header, out int length, out _);
        return header.Ssrc + (uint)length;
    }

    [Benchmark]
    public int ParsePacket()
    {
        RtpPacket.TryRead(_packet, out var packet, out _);
        return packet.Payload.Length;
    }

    [Benchmark]
    public bool RewriteStream() => RtpRewrite.SetStream(_packet, 0x55667788, 4321, 320_000);

    [Benchmark]
    public int WalkRtcpCompound()
    {
        var reader = new RtcpCompoundReader(_rtcp.AsSpan(0, _rtcpLength));
        int count = 0;
        while (reader.TryReadNext(out _, out _))
        {
            count++;
        }

        return count;
    }

    [Benchmark]
    public int EncodeMuLaw20ms() => G711.MuLawEncode(_pcm, _encoded);

    [Benchmark]
    public int DecodeMuLaw20ms() => G711.MuLawDecode(_encoded, _pcm);
}
