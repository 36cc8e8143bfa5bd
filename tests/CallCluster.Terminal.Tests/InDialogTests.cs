using CallCluster.Sip.Message;

namespace CallCluster.Terminal.Tests;

public sealed class InDialogTests
{
    [Fact]
    public async Task Re_invite_with_new_sdp_moves_the_rtp_destination_and_bye_ends_the_call()
    {
        await using var tv = await TerminalAgent.StartAsync(Agents.Options("tv", 880, VideoCodec.None) with { BoundMobiles = ["1001"] });
        var events = new EventWaiter(tv);
        using var peer = new RawSipPeer();
        using var first = RawSipPeer.MediaSocket();
        using var second = RawSipPeer.MediaSocket();
        var firstPort = ((System.Net.IPEndPoint)first.LocalEndPoint!).Port;
        var secondPort = ((System.Net.IPEndPoint)second.LocalEndPoint!).Port;

        await peer.Send(peer.Request("INVITE", tv.ContactUri, 1, RawSipPeer.Sdp(firstPort, 1)), tv.SipEndPoint);
        var ok = Assert.IsType<SipResponse>(await peer.Receive(m => m is SipResponse { StatusCode: 200 }));
        peer.RemoteTag = ok.To!.Tag;
        await peer.Send(peer.Request("ACK", tv.ContactUri, 1), tv.SipEndPoint);
        Assert.True(await RawSipPeer.RtpArrives(first));

        await peer.Send(peer.Request("INVITE", tv.ContactUri, 2, RawSipPeer.Sdp(secondPort, 2)), tv.SipEndPoint);
        var reinviteOk = Assert.IsType<SipResponse>(await peer.Receive(m => m is SipResponse { StatusCode: 200, CSeq.Number: 2 }));
        Assert.Contains("m=audio", reinviteOk.ToString());
        await peer.Send(peer.Request("ACK", tv.ContactUri, 2), tv.SipEndPoint);
        Assert.True(await RawSipPeer.RtpArrives(second));
        await events.WaitFor<CallStateEvent>(s => s.State == "reinvited");
        var audio = Agents.Stream(tv.GetStats(), "audio")!;
        Assert.EndsWith(":" + secondPort, audio.Remote);

        await peer.Send(peer.Request("BYE", tv.ContactUri, 3), tv.SipEndPoint);
        Assert.NotNull(await peer.Receive(m => m is SipResponse { StatusCode: 200, CSeq.Method: "BYE" }));
        Assert.Equal("remote-bye", (await events.WaitFor<CallEndedEvent>()).Reason);
    }

    [Fact]
    public async Task Session_timer_without_refresh_ends_the_call_with_bye()
    {
        await using var tv = await TerminalAgent.StartAsync(Agents.Options("tv", 880, VideoCodec.None) with { BoundMobiles = ["1001"] });
        var events = new EventWaiter(tv);
        using var peer = new RawSipPeer();
        using var media = RawSipPeer.MediaSocket();
        var port = ((System.Net.IPEndPoint)media.LocalEndPoint!).Port;

        await peer.Send(peer.Request("INVITE", tv.ContactUri, 1, RawSipPeer.Sdp(port, 1), ("Supported", "timer"), ("Session-Expires", "2;refresher=uac")), tv.SipEndPoint);
        var ok = Assert.IsType<SipResponse>(await peer.Receive(m => m is SipResponse { StatusCode: 200 }));
        Assert.Equal(2, ok.SessionExpires?.DeltaSeconds);
        Assert.Equal("uac", ok.SessionExpires?.Refresher);
        Assert.Contains("timer", ok.Require);
        peer.RemoteTag = ok.To!.Tag;
        await peer.Send(peer.Request("ACK", tv.ContactUri, 1), tv.SipEndPoint);

        var bye = Assert.IsType<SipRequest>(await peer.Receive(m => m is SipRequest { Method: "BYE" }));
        await peer.Send(SipMessageFactory.CreateResponse(bye, 200), tv.SipEndPoint);
        Assert.Equal("session-expired", (await events.WaitFor<CallEndedEvent>()).Reason);
    }

    [Fact]
    public async Task Options_is_answered_with_allow()
    {
        await using var tv = await TerminalAgent.StartAsync(Agents.Options("tv", 880, VideoCodec.None));
        using var peer = new RawSipPeer();
        await peer.Send(peer.Request("OPTIONS", tv.ContactUri, 1), tv.SipEndPoint);
        var ok = Assert.IsType<SipResponse>(await peer.Receive(m => m is SipResponse));
        Assert.Equal(200, ok.StatusCode);
        Assert.Contains("INVITE", ok.Allow);
    }

    [Fact]
    public async Task Caller_refreshes_the_session_with_re_invite_when_it_is_the_refresher()
    {
        await using var mobile = await TerminalAgent.StartAsync(Agents.Options("1001", 440, VideoCodec.None) with { SessionExpires = 6 });
        await using var tv = await TerminalAgent.StartAsync(Agents.Options("tv", 880, VideoCodec.None) with { BoundMobiles = ["1001"] });
        var mobileEvents = new EventWaiter(mobile);
        var tvEvents = new EventWaiter(tv);

        await mobile.PlaceCallAsync(tv.ContactUri);
        await mobileEvents.WaitFor<CallStateEvent>(s => s.State == "refreshed");
        await tvEvents.WaitFor<CallStateEvent>(s => s.State == "reinvited");
        await mobileEvents.WaitFor<CallStateEvent>(s => s.State == "refreshed" && s != mobileEvents.Seen.OfType<CallStateEvent>().First(f => f.State == "refreshed"));
        Assert.Single(tv.GetStats().Calls);
        Assert.DoesNotContain(tvEvents.Seen, e => e is CallEndedEvent);
    }

    [Fact]
    public async Task Invite_without_sdp_gets_an_offer_in_200_and_the_answer_in_ack_starts_media()
    {
        await using var tv = await TerminalAgent.StartAsync(Agents.Options("tv", 880, VideoCodec.None) with { BoundMobiles = ["1001"] });
        var events = new EventWaiter(tv);
        using var peer = new RawSipPeer();
        using var media = RawSipPeer.MediaSocket();
        var port = ((System.Net.IPEndPoint)media.LocalEndPoint!).Port;

        await peer.Send(peer.Request("INVITE", tv.ContactUri, 1), tv.SipEndPoint);
        var ok = Assert.IsType<SipResponse>(await peer.Receive(m => m is SipResponse { StatusCode: 200 }));
        Assert.Contains("m=audio", ok.ToString());
        peer.RemoteTag = ok.To!.Tag;
        await peer.Send(peer.Request("ACK", tv.ContactUri, 1, RawSipPeer.Sdp(port, 1)), tv.SipEndPoint);

        await events.WaitFor<CallStateEvent>(s => s.State == "media-answered");
        Assert.True(await RawSipPeer.RtpArrives(media));
    }
}
