using System.Net;
using Akka.Actor;
using Akka.TestKit.Xunit2;
using CallCluster.Actors.MediaProtocol;
using CallCluster.Media.Tests.Support;

namespace CallCluster.Media.Tests.Integration;

/// <summary>Helpers for driving a <see cref="MediaManagerActor"/> over its protocol, with loopback peers.</summary>
public abstract class MediaSpec : TestKit
{
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    protected static readonly CodecSpec Vp8 = new(96, "VP8", 90000);

    protected static MediaSettings NewSettings(int pairs = 100, TimeSpan? deadAfter = null)
    {
        int start = 20000 + (2 * Random.Shared.Next(0, 15000));
        return new MediaSettings(start, start + (2 * pairs) - 1, "127.0.0.1", "127.0.0.1", deadAfter ?? TimeSpan.FromMinutes(5), MixerLoops: 1);
    }

    protected static IPEndPoint Loopback(int port) => new(IPAddress.Loopback, port);

    protected EndpointAllocated Allocate(IActorRef manager, string session, string leg, string participant, CodecSpec audio, bool video)
    {
        var streams = new List<MediaStreamRequest> { new(MediaKind.Audio, [audio]) };
        if (video)
        {
            streams.Add(new MediaStreamRequest(MediaKind.Video, [Vp8], RtcpMux: true));
        }

        manager.Tell(new AllocateEndpoint(session, leg, participant, streams), TestActor);
        return ExpectMsg<EndpointAllocated>(Patience);
    }

    protected void Configure(IActorRef manager, EndpointAllocated endpoint, RtpPeer audioPeer, CodecSpec audio, RtpPeer? videoPeer = null, MediaDirection direction = MediaDirection.SendRecv)
    {
        var streams = new List<StreamConfiguration> { new(MediaKind.Audio, "127.0.0.1", audioPeer.Port, audioPeer.Port + 1, [audio], direction) };
        if (videoPeer is not null)
        {
            streams.Add(new StreamConfiguration(MediaKind.Video, "127.0.0.1", videoPeer.Port, videoPeer.Port, [Vp8], direction, RtcpMux: true));
        }

        manager.Tell(new ConfigureEndpoint(endpoint.SessionId, endpoint.EndpointId, streams), TestActor);
        ExpectMsg<EndpointConfigured>(Patience);
    }

    protected MediaStats Stats(IActorRef manager)
    {
        manager.Tell(GetMediaStats.Instance, TestActor);
        return ExpectMsg<MediaStats>(Patience);
    }

    protected static IPEndPoint AudioPort(EndpointAllocated endpoint) =>
        Loopback(endpoint.Streams.Single(s => s.Kind == MediaKind.Audio).RtpPort);

    protected static IPEndPoint VideoPort(EndpointAllocated endpoint) =>
        Loopback(endpoint.Streams.Single(s => s.Kind == MediaKind.Video).RtpPort);

    /// <summary>Waits (bounded) until the manager's received-packet count stops growing (a peer that stopped sending has drained).</summary>
    protected void WaitUntilReceivingStops(IActorRef manager)
    {
        long received = -1;
        WaitFor(() =>
        {
            Thread.Sleep(200);
            long now = Stats(manager).PacketsReceived;
            bool settled = now == received;
            received = now;
            return settled;
        });
    }

    /// <summary>Waits (bounded) until <paramref name="condition"/> holds; the caller asserts afterwards.</summary>
    /// <summary>Packets in an analysis window (20 ms each).</summary>
    protected const int Packets = AudioAnalysis.Window / 160;

    /// <summary>The tones in the latest analysis window of <paramref name="packets"/>.</summary>
    protected static (double A440, double A880, double A1320) Latest(IReadOnlyList<ReceivedPacket> packets) =>
        AudioAnalysis.Tones(packets, Math.Max(0, packets.Count - Packets));

    protected static void WaitFor(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(50);
        }
    }
}
