using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using CallCluster.Actors.MediaProtocol;
using CallCluster.Media.Mixing;
using CallCluster.Media.Streams;
using CallCluster.Media.Transport;
using CallCluster.Sip.Rtp;

namespace CallCluster.Benchmarks;

/// <summary>
/// CPU cost of one 20 ms tick of a three-party mix (three packets in, decode, jitter buffers, N-1,
/// three encodes and three UDP sends on loopback), and of forwarding one relayed packet (rewrite
/// and send). Mixes per core at 0 missed ticks is about 20 ms divided by the tick cost.
/// </summary>
[MemoryDiagnoser]
public class MediaMixBenchmarks
{
    private readonly List<IDisposable> owned = [];
    private MediaStream[] streams = [];
    private MixInput[] inputs = [];
    private AudioMix mix = null!;
    private ForwardSink forward = null!;
    private MediaStream relaySource = null!;
    private byte[][] packets = [];
    private byte[] relayPacket = [];
    private ushort sequence;
    private long tick;

    [GlobalSetup]
    public void Setup()
    {
        var sink = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        sink.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        owned.Add(sink);
        int sinkPort = ((IPEndPoint)sink.LocalEndPoint!).Port;
        streams = [.. Enumerable.Range(0, 5).Select(i => Stream(i, sinkPort, i == 1 ? CodecSpec.Pcma : CodecSpec.Pcmu))];
        inputs = [.. streams.Take(3).Select(s => new MixInput(s))];
        mix = new AudioMix(100, "bench", [.. inputs.Select((input, i) => new MixParticipant($"p{i}", [input]))]);
        mix.Attach();
        packets = [.. Enumerable.Range(0, 3).Select(i => new byte[172])];
        relaySource = streams[3];
        forward = new ForwardSink([streams[4]], TimeProvider.System);
        streams[4].Outbound.SetProducer(forward);
        relayPacket = new byte[172];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var item in owned)
        {
            item.Dispose();
        }
    }

    [Benchmark]
    public void ThreePartyMixTick()
    {
        sequence++;
        for (int i = 0; i < inputs.Length; i++)
        {
            var header = new RtpHeader(i == 1 ? (byte)8 : (byte)0, sequence, (uint)(sequence * 160), (uint)(i + 1));
            header.TryWrite(packets[i], out _);
            inputs[i].OnRtp(streams[i], packets[i], header, 12, 160);
        }

        mix.Tick(TimeSpan.FromMilliseconds(20 * ++tick));
    }

    [Benchmark]
    public void ForwardOnePacket()
    {
        sequence++;
        var header = new RtpHeader(0, sequence, (uint)(sequence * 160), 7);
        header.TryWrite(relayPacket, out _);
        forward.OnRtp(relaySource, relayPacket, header, 12, 160);
    }

    private MediaStream Stream(int key, int sinkPort, CodecSpec codec)
    {
        var stream = new MediaStream(key, MediaKind.Audio, UdpChannel.TryBind(IPAddress.Loopback, 0)!, null, [codec], TimeProvider.System);
        stream.Configure(new StreamConfiguration(MediaKind.Audio, "127.0.0.1", sinkPort, sinkPort, [codec], RtcpMux: true));
        owned.Add(stream);
        return stream;
    }
}
