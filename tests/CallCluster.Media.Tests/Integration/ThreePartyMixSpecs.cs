using CallCluster.Actors.MediaProtocol;
using CallCluster.Media.Tests.Support;
using CallCluster.Sip.Codecs;
using CallCluster.Sip.Rtp;
using Xunit.Abstractions;

namespace CallCluster.Media.Tests.Integration;

public sealed class ThreePartyMixSpecs(ITestOutputHelper output) : MediaSpec
{
    private const double Present = 1500; // tones are sent at amplitude 6000
    private const double Absent = 300;

    [Fact]
    public void Three_party_mix_then_transfer_to_bridge_over_loopback_udp()
    {
        var manager = Sys.ActorOf(MediaManagerActor.Props(NewSettings()));
        using var localAudio = new RtpPeer();
        using var remoteAudio = new RtpPeer();
        using var mobileAudio = new RtpPeer();
        using var localVideo = new RtpPeer();
        using var remoteVideo = new RtpPeer();
        using var mobileVideo = new RtpPeer();

        var local = Allocate(manager, "home-1", "leg-local", "local", CodecSpec.Pcmu, video: true);
        var remote = Allocate(manager, "home-1", "leg-remote", "remote", CodecSpec.Pcma, video: true);
        var mobile = Allocate(manager, "home-1", "leg-mobile", "mobile", CodecSpec.Pcmu, video: true);
        Configure(manager, local, localAudio, CodecSpec.Pcmu, localVideo);
        Configure(manager, remote, remoteAudio, CodecSpec.Pcma, remoteVideo);
        Configure(manager, mobile, mobileAudio, CodecSpec.Pcmu, mobileVideo);

        localAudio.StartTone(AudioPort(local), 440, G711Law.MuLaw, skipEvery: 25);
        remoteAudio.StartTone(AudioPort(remote), 880, G711Law.ALaw);
        mobileAudio.StartTone(AudioPort(mobile), 1320, G711Law.MuLaw);
        localVideo.StartVideo(VideoPort(local), tag: 1);
        remoteVideo.StartVideo(VideoPort(remote), tag: 2);
        mobileVideo.StartVideo(VideoPort(mobile), tag: 3);
        WaitFor(() => Stats(manager).PacketsReceived > 60);

        manager.Tell(new CreateMix("home-1", [local.EndpointId, remote.EndpointId, mobile.EndpointId],
            [new VideoRoute(local.EndpointId, remote.EndpointId), new VideoRoute(remote.EndpointId, local.EndpointId), new VideoRoute(mobile.EndpointId, remote.EndpointId)]), TestActor);
        ExpectMsg<MixCreated>(Patience);

        // On a loaded machine the first mixed packets can precede a sender's: judge the latest
        // window once every receiver hears what it should, or after the patience runs out.
        WaitFor(() => localAudio.Received.Count >= 60 && remoteAudio.Received.Count >= 60 && mobileAudio.Received.Count >= 60
            && localVideo.Received.Count >= 5 && remoteVideo.Received.Count >= 5 && mobileVideo.Received.Count >= 5
            && Latest(localAudio.Received) is { A880: > Present, A1320: > Present }
            && Latest(remoteAudio.Received) is { A440: > Present, A1320: > Present }
            && Latest(mobileAudio.Received) is { A440: > Present, A880: > Present });

        var heardByLocal = Latest(localAudio.Received);
        var heardByRemote = Latest(remoteAudio.Received);
        var heardByMobile = Latest(mobileAudio.Received);
        output.WriteLine($"mix: local {heardByLocal}, remote {heardByRemote}, mobile {heardByMobile}");
        Assert.True(heardByLocal.A440 < Absent && heardByLocal.A880 > Present && heardByLocal.A1320 > Present, $"local hears {heardByLocal}");
        Assert.True(heardByRemote.A440 > Present && heardByRemote.A880 < Absent && heardByRemote.A1320 > Present, $"remote hears {heardByRemote}");
        Assert.True(heardByMobile.A440 > Present && heardByMobile.A880 > Present && heardByMobile.A1320 < Absent, $"mobile hears {heardByMobile}");
        Assert.All(remoteAudio.Received, p => Assert.Equal(8, p.PayloadType));
        Assert.All(localAudio.Received, p => Assert.Equal(0, p.PayloadType));

        Assert.All(localVideo.Received, p => Assert.Equal(2, p.Payload[0]));
        Assert.All(remoteVideo.Received, p => Assert.Equal(1, p.Payload[0]));
        Assert.All(mobileVideo.Received, p => Assert.Equal(2, p.Payload[0]));
        Assert.All(localVideo.Received, p => Assert.Equal(96, p.PayloadType));

        // Receivers whose source changed caused a PLI toward that source, with the source's own SSRC.
        WaitFor(() => Plis(remoteVideo).Any() && Plis(localVideo).Any());
        Assert.Contains(Plis(remoteVideo), pli => pli.MediaSsrc == remoteVideo.Ssrc);
        Assert.DoesNotContain(Plis(mobileVideo), _ => true);

        // A receiver's PLI is forwarded to its current sender.
        int plisBefore = Plis(remoteVideo).Count;
        Span<byte> pli = stackalloc byte[12];
        Assert.True(new RtcpPictureLossIndication(localVideo.Ssrc, 0x1234).TryWrite(pli, out int pliLength));
        localVideo.SendRaw(VideoPort(local), pli[..pliLength]);
        WaitFor(() => Plis(remoteVideo).Count > plisBefore);
        Assert.True(Plis(remoteVideo).Count > plisBefore);
        Assert.Equal(remoteVideo.Ssrc, Plis(remoteVideo)[^1].MediaSsrc);

        // Leg transfer: the mobile leaves; local and remote are bridged without renegotiation.
        manager.Tell(new TransferToBridge("home-1", local.EndpointId, remote.EndpointId), TestActor);
        var bridge = ExpectMsg<BridgeCreated>(Patience);
        Assert.True(bridge.Transcoding);
        int localAt = localAudio.Received.Count;
        int remoteAt = remoteAudio.Received.Count;
        WaitFor(() => localAudio.Received.Count >= localAt + 60 && remoteAudio.Received.Count >= remoteAt + 60
            && Latest(localAudio.Received).A880 > Present && Latest(remoteAudio.Received).A440 > Present);

        heardByLocal = Latest(localAudio.Received);
        heardByRemote = Latest(remoteAudio.Received);
        output.WriteLine($"bridge: local {heardByLocal}, remote {heardByRemote}; skipped {localAudio.Skipped}, missing {AudioAnalysis.MissingSequenceNumbers(remoteAudio.Received)}");
        Assert.True(heardByLocal.A440 < Absent && heardByLocal.A880 > Present && heardByLocal.A1320 < Absent, $"local hears {heardByLocal} after transfer");
        Assert.True(heardByRemote.A440 > Present && heardByRemote.A880 < Absent && heardByRemote.A1320 < Absent, $"remote hears {heardByRemote} after transfer");
        Assert.All(remoteAudio.Received, p => Assert.Equal(8, p.PayloadType));
        Assert.All(localAudio.Received, p => Assert.Equal(0, p.PayloadType));

        // One continuous stream per receiver: one SSRC, no sequence gaps beyond the injected loss.
        Assert.Single(remoteAudio.Received.Select(p => p.Ssrc).Distinct());
        Assert.Single(localAudio.Received.Select(p => p.Ssrc).Distinct());
        Assert.InRange(AudioAnalysis.MissingSequenceNumbers(remoteAudio.Received), 0, localAudio.Skipped);
        Assert.Equal(0, AudioAnalysis.MissingSequenceNumbers(localAudio.Received));
        Assert.Single(localVideo.Received.Select(p => p.Ssrc).Distinct());

        // Video after the transfer: local and remote still see each other; the mobile gets nothing more.
        int localVideoAt = localVideo.Received.Count;
        WaitFor(() => localVideo.Received.Count >= localVideoAt + 10);
        int mobileVideoSettled = mobileVideo.Received.Count;
        WaitFor(() => localVideo.Received.Count >= localVideoAt + 20);
        Assert.True(localVideo.Received.Count >= localVideoAt + 20, "video keeps flowing to the local terminal");
        Assert.All(localVideo.Received, p => Assert.Equal(2, p.Payload[0]));
        Assert.All(remoteVideo.Received, p => Assert.Equal(1, p.Payload[0]));
        Assert.Equal(mobileVideoSettled, mobileVideo.Received.Count);

        manager.Tell(new ReleaseSession("home-1"), TestActor);
        Assert.Equal(3, ExpectMsg<SessionReleased>(Patience).EndpointCount);
        var stats = Stats(manager);
        Assert.Equal((0, 0, 0, 0), (stats.AllocatedPorts, stats.Endpoints, stats.Mixes, stats.Bridges));
    }

    private static List<RtcpPictureLossIndication> Plis(RtpPeer peer) =>
        [.. peer.ReceivedRtcp
            .Select(d => RtcpCompound.TryRead(d, out var packets, out _) ? packets : default)
            .SelectMany(p => p)
            .OfType<RtcpPictureLossIndication>()];
}
