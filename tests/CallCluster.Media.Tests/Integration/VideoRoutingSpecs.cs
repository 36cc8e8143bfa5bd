using CallCluster.Actors.MediaProtocol;
using CallCluster.Media.Tests.Support;
using CallCluster.Sip.Rtp;

namespace CallCluster.Media.Tests.Integration;

public sealed class VideoRoutingSpecs : MediaSpec
{
    [Fact]
    public void Changing_a_receivers_source_keeps_its_stream_continuous_and_asks_the_new_source_for_a_keyframe()
    {
        var manager = Sys.ActorOf(MediaManagerActor.Props(NewSettings()));
        using var localVideo = new RtpPeer();
        using var remoteVideo = new RtpPeer();
        using var mobileVideo = new RtpPeer();
        using var unusedAudio = new RtpPeer();
        var local = Allocate(manager, "v", "l", "local", CodecSpec.Pcmu, video: true);
        var remote = Allocate(manager, "v", "r", "remote", CodecSpec.Pcmu, video: true);
        var mobile = Allocate(manager, "v", "m", "mobile", CodecSpec.Pcmu, video: true);
        Configure(manager, local, unusedAudio, CodecSpec.Pcmu, localVideo);
        Configure(manager, remote, unusedAudio, CodecSpec.Pcmu, remoteVideo);
        Configure(manager, mobile, unusedAudio, CodecSpec.Pcmu, mobileVideo);
        localVideo.StartVideo(VideoPort(local), tag: 1);
        remoteVideo.StartVideo(VideoPort(remote), tag: 2);
        WaitFor(() => Stats(manager).PacketsReceived > 10);

        manager.Tell(new CreateMix("v", [local.EndpointId, remote.EndpointId, mobile.EndpointId], [new VideoRoute(mobile.EndpointId, remote.EndpointId)]), TestActor);
        ExpectMsg<MixCreated>(Patience);
        WaitFor(() => mobileVideo.Received.Count >= 10);
        Assert.All(mobileVideo.Received, p => Assert.Equal(2, p.Payload[0]));
        Assert.Empty(Feedback(localVideo));

        manager.Tell(new SetVideoRoutes("v", [new VideoRoute(mobile.EndpointId, local.EndpointId)]), TestActor);
        ExpectMsg<MixCreated>(Patience);
        int switchedAt = mobileVideo.Received.Count;
        WaitFor(() => mobileVideo.Received.Count >= switchedAt + 10 && Feedback(localVideo).Count > 0);

        var received = mobileVideo.Received;
        Assert.Equal(1, received[^1].Payload[0]);
        Assert.Single(received.Select(p => p.Ssrc).Distinct());
        Assert.Equal(0, AudioAnalysis.MissingSequenceNumbers(received));
        Assert.True(received.Zip(received.Skip(1)).All(pair => (int)(pair.Item2.Timestamp - pair.Item1.Timestamp) > 0), "timestamps move forward across the switch");
        Assert.Contains(Feedback(localVideo), f => f is RtcpPictureLossIndication pli && pli.MediaSsrc == localVideo.Ssrc);

        // A FIR from the mobile reaches its current source as a FIR about the source's own SSRC.
        Span<byte> fir = stackalloc byte[20];
        Assert.True(new RtcpFullIntraRequest(mobileVideo.Ssrc, [new RtcpFirEntry(0x77, 1)]).TryWrite(fir, out int firLength));
        mobileVideo.SendRaw(VideoPort(mobile), fir[..firLength]);
        WaitFor(() => Feedback(localVideo).OfType<RtcpFullIntraRequest>().Any());
        var forwarded = Assert.Single(Feedback(localVideo).OfType<RtcpFullIntraRequest>());
        Assert.Equal(localVideo.Ssrc, Assert.Single(forwarded.Entries).Ssrc);
        Assert.Empty(Feedback(remoteVideo).OfType<RtcpFullIntraRequest>());
    }

    private static List<RtcpPacket> Feedback(RtpPeer peer) =>
        [.. peer.ReceivedRtcp.SelectMany(d => RtcpCompound.TryRead(d, out var packets, out _) ? packets : default)];
}
