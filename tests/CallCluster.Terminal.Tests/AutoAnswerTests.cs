namespace CallCluster.Terminal.Tests;

public sealed class AutoAnswerTests
{
    [Fact]
    public async Task Unbound_caller_rings_and_is_rejected_after_the_ring_time()
    {
        await using var stranger = await TerminalAgent.StartAsync(Agents.Options("5555", 440, VideoCodec.None));
        await using var tv = await TerminalAgent.StartAsync(Agents.Options("tv", 880, VideoCodec.None) with { BoundMobiles = ["1001"], RingTime = TimeSpan.FromMilliseconds(300) });
        var strangerEvents = new EventWaiter(stranger);
        var tvEvents = new EventWaiter(tv);

        // the stranger even claims Answer-Mode: Auto; only the caller's identity counts
        var call = await stranger.PlaceCallAsync(tv.ContactUri, new Dictionary<string, string> { ["Answer-Mode"] = "Auto" });

        var incoming = await tvEvents.WaitFor<IncomingCallEvent>();
        Assert.False(incoming.CallerBound);
        Assert.Equal("ring-then-reject", incoming.Decision);
        Assert.Equal("Auto", incoming.AnswerMode);
        Assert.Null(incoming.AssertedIdentity);
        Assert.Equal(180, (await strangerEvents.WaitFor<CallStateEvent>(s => s.State == "ringing")).Status);
        var ended = await strangerEvents.WaitFor<CallEndedEvent>();
        Assert.Equal(call.CallId, ended.CallId);
        Assert.Equal(480, ended.Status);
        Assert.Equal("not-answered", (await tvEvents.WaitFor<CallEndedEvent>()).Reason);
        Assert.DoesNotContain(tvEvents.Seen, e => e is CallAnsweredEvent);
    }

    [Fact]
    public async Task Asserted_identity_of_a_bound_mobile_is_auto_answered_and_reported()
    {
        await using var caller = await TerminalAgent.StartAsync(Agents.Options("gateway-side", 440, VideoCodec.None));
        await using var tv = await TerminalAgent.StartAsync(Agents.Options("tv", 880, VideoCodec.None) with { BoundMobiles = ["sip:1001@home.example"] });
        var tvEvents = new EventWaiter(tv);

        await caller.PlaceCallAsync(tv.ContactUri, new Dictionary<string, string>
        {
            ["P-Asserted-Identity"] = "<sip:1001@home.example>",
            ["Call-Info"] = "<sip:home.example>;answer-after=0",
            ["Alert-Info"] = "<urn:alert:service:call-waiting>;info=alert-autoanswer",
        });

        var incoming = await tvEvents.WaitFor<IncomingCallEvent>();
        Assert.True(incoming.CallerBound);
        Assert.Equal("auto-answer", incoming.Decision);
        Assert.Equal("sip:1001@home.example", incoming.AssertedIdentity);
        Assert.True(incoming.CallInfoAnswerAfter);
        Assert.True(incoming.AlertInfoAutoAnswer);
        Assert.Equal("auto", (await tvEvents.WaitFor<CallAnsweredEvent>()).How);
    }

    [Fact]
    public async Task Auto_answer_off_makes_a_bound_mobile_ring()
    {
        await using var mobile = await TerminalAgent.StartAsync(Agents.Options("1001", 440, VideoCodec.None));
        await using var tv = await TerminalAgent.StartAsync(Agents.Options("tv", 880, VideoCodec.None) with { BoundMobiles = ["1001"], AutoAnswer = false, RingTime = TimeSpan.FromSeconds(30) });
        var tvEvents = new EventWaiter(tv);
        var mobileEvents = new EventWaiter(mobile);

        var call = await mobile.PlaceCallAsync(tv.ContactUri);
        Assert.Equal("ring-then-reject", (await tvEvents.WaitFor<IncomingCallEvent>()).Decision);
        await mobileEvents.WaitFor<CallStateEvent>(s => s.State == "ringing");
        Assert.True(await mobile.HangupAsync(call.CallId));
        Assert.Equal("cancelled", (await mobileEvents.WaitFor<CallEndedEvent>()).Reason);
        Assert.Equal("cancelled", (await tvEvents.WaitFor<CallEndedEvent>()).Reason);
    }

    [Fact]
    public async Task Asserted_identity_wins_over_a_bound_from()
    {
        await using var caller = await TerminalAgent.StartAsync(Agents.Options("1001", 440, VideoCodec.None));
        await using var tv = await TerminalAgent.StartAsync(Agents.Options("tv", 880, VideoCodec.None) with { BoundMobiles = ["1001"], RingTime = TimeSpan.FromSeconds(30) });
        var tvEvents = new EventWaiter(tv);

        await caller.PlaceCallAsync(tv.ContactUri, new Dictionary<string, string> { ["P-Asserted-Identity"] = "<sip:7777@home.example>" });

        var incoming = await tvEvents.WaitFor<IncomingCallEvent>();
        Assert.False(incoming.CallerBound);
        Assert.Equal("ring-then-reject", incoming.Decision);
        Assert.Equal("sip:7777@home.example", incoming.AssertedIdentity);
    }
}
