using CallCluster.Actors.MediaProtocol;
using CallCluster.Media.Tests.Support;
using CallCluster.Sip.Codecs;

namespace CallCluster.Media.Tests.Integration;

public sealed class ParticipantAndHoldSpecs : MediaSpec
{
    private const double Present = 1500;
    private const double Absent = 300;

    [Fact]
    public void A_participant_with_two_dialogs_never_hears_itself_through_the_other()
    {
        var manager = Sys.ActorOf(MediaManagerActor.Props(NewSettings()));
        using var local = new RtpPeer();
        using var remote = new RtpPeer();
        using var mobileToLocal = new RtpPeer();
        using var mobileToRemote = new RtpPeer();
        var l = Allocate(manager, "home-2", "leg-l", "local", CodecSpec.Pcmu, video: false);
        var r = Allocate(manager, "home-2", "leg-r", "remote", CodecSpec.Pcmu, video: false);
        var m1 = Allocate(manager, "home-2", "leg-m1", "mobile", CodecSpec.Pcma, video: false);
        var m2 = Allocate(manager, "home-2", "leg-m2", "mobile", CodecSpec.Pcmu, video: false);
        Configure(manager, l, local, CodecSpec.Pcmu);
        Configure(manager, r, remote, CodecSpec.Pcmu);
        Configure(manager, m1, mobileToLocal, CodecSpec.Pcma);
        Configure(manager, m2, mobileToRemote, CodecSpec.Pcmu);
        local.StartTone(AudioPort(l), 440, G711Law.MuLaw);
        remote.StartTone(AudioPort(r), 880, G711Law.MuLaw);
        mobileToLocal.StartTone(AudioPort(m1), 1320, G711Law.ALaw);
        mobileToRemote.StartTone(AudioPort(m2), 1320, G711Law.MuLaw);

        manager.Tell(new CreateMix("home-2", [l.EndpointId, r.EndpointId, m1.EndpointId, m2.EndpointId], []), TestActor);
        ExpectMsg<MixCreated>(Patience);
        // Eventually (bounded by Patience) both mobile dialogs hear the two others in their latest
        // window; the mobile's own tone must never come back on either of them, in any window.
        WaitFor(() => new[] { local, remote, mobileToLocal, mobileToRemote }.All(p => p.Received.Count >= 60)
            && new[] { mobileToLocal, mobileToRemote }.All(d => Latest(d.Received) is var h && h.A440 > Present && h.A880 > Present));

        foreach (var mobileDialog in new[] { mobileToLocal, mobileToRemote })
        {
            var packets = mobileDialog.Received;
            var heard = Latest(packets);
            Assert.True(heard.A440 > Present && heard.A880 > Present, $"mobile dialog hears {heard} at last; windows: {Windows(packets)}");
            for (var first = 0; first + Packets <= packets.Count; first += Packets)
            {
                Assert.True(AudioAnalysis.Tones(packets, first).A1320 < Absent, $"mobile dialog hears itself at packet {first}; windows: {Windows(packets)}");
            }
        }

        WaitFor(() => Latest(local.Received) is var h && h.A880 > Present && h.A1320 > Present);
        var heardByLocal = Latest(local.Received);
        Assert.True(heardByLocal.A880 > Present && heardByLocal.A1320 > Present && heardByLocal.A440 < Absent, $"local hears {heardByLocal}; windows: {Windows(local.Received)}");
        Assert.True(heardByLocal.A1320 < 9000, $"the mobile is one voice, not two: {heardByLocal.A1320}");
        Assert.All(mobileToLocal.Received, p => Assert.Equal(8, p.PayloadType));

        manager.Tell(new ReleaseSession("home-2"), TestActor);
        Assert.Equal(4, ExpectMsg<SessionReleased>(Patience).EndpointCount);
    }

    private static string Windows(IReadOnlyList<ReceivedPacket> packets) =>
        string.Join(" ", Enumerable.Range(0, packets.Count / Packets)
            .Select(w => AudioAnalysis.Tones(packets, w * Packets))
            .Select(t => $"({t.A440:0}/{t.A880:0}/{t.A1320:0})"));

    [Fact]
    public void Hold_is_honoured_sendonly_peer_gets_nothing_and_inactive_peer_is_not_heard()
    {
        var manager = Sys.ActorOf(MediaManagerActor.Props(NewSettings()));
        using var a = new RtpPeer();
        using var b = new RtpPeer();
        using var c = new RtpPeer();
        var ea = Allocate(manager, "hold", "a", "a", CodecSpec.Pcmu, video: false);
        var eb = Allocate(manager, "hold", "b", "b", CodecSpec.Pcmu, video: false);
        var ec = Allocate(manager, "hold", "c", "c", CodecSpec.Pcmu, video: false);
        Configure(manager, ea, a, CodecSpec.Pcmu);
        Configure(manager, eb, b, CodecSpec.Pcmu, direction: MediaDirection.SendOnly);
        Configure(manager, ec, c, CodecSpec.Pcmu, direction: MediaDirection.Inactive);
        a.StartTone(AudioPort(ea), 440, G711Law.MuLaw);
        b.StartTone(AudioPort(eb), 880, G711Law.MuLaw);
        c.StartTone(AudioPort(ec), 1320, G711Law.MuLaw);

        manager.Tell(new CreateMix("hold", [ea.EndpointId, eb.EndpointId, ec.EndpointId], []), TestActor);
        ExpectMsg<MixCreated>(Patience);
        // The first packets may be mixed before b's reach the jitter buffer (a loaded machine): judge
        // the latest window once b's tone is there, or after the patience runs out.
        WaitFor(() => a.Received.Count >= 60 && Latest(a.Received).A880 > Present);

        var heardByA = Latest(a.Received);
        Assert.True(heardByA.A880 > Present && heardByA.A1320 < Absent && heardByA.A440 < Absent, $"a hears {heardByA}; windows {Windows(a.Received)}");
        Assert.Empty(b.Received);
        Assert.Empty(c.Received);

        // Taking b off hold (a re-INVITE with sendrecv) lets it hear a again.
        Configure(manager, eb, b, CodecSpec.Pcmu);
        WaitFor(() => b.Received.Count >= 60 && Latest(b.Received).A440 > Present);
        var heardByB = Latest(b.Received);
        Assert.True(heardByB.A440 > Present && heardByB.A880 < Absent && heardByB.A1320 < Absent, $"b hears {heardByB}; windows {Windows(b.Received)}");
    }
}
