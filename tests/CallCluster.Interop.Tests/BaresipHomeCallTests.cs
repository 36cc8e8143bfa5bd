using System.Globalization;
using CallCluster.Interop.Tests.Baresip;
using CallCluster.Interop.Tests.Infrastructure;

namespace CallCluster.Interop.Tests;

/// <summary>
/// The household video call with three real baresip 1.0.0 processes through one real node
/// (every role, SQLite, loopback): alice (mobile, 440 Hz), tv (bound to alice, 880 Hz) and bob
/// (the remote party, 1320 Hz), each sending a sine tone and fakevideo as VP8. baresip only
/// answers MD5 digest challenges, so the node offers MD5 alone. The mobile's two calls are
/// joined by the implicit rule (no correlation header). baresip 1.0.0 cannot make auto-answer
/// depend on Answer-Mode/Call-Info/Alert-Info, so the TV's account says answermode=auto and the
/// test asserts from the TV's SIP trace that the cluster sent the indication and the asserted
/// identity. What each party hears is read from baresip's own decoded-audio dumps (sndfile).
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class BaresipHomeCallTests(BaresipNode fixture) : IClassFixture<BaresipNode>
{
    private const int MobileTone = 440;
    private const int TvTone = 880;
    private const int RemoteTone = 1320;
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(20);
    private readonly ClusterNode _node = fixture.Node;

    [Fact]
    public async Task Three_baresip_phones_hold_the_home_video_call_joined_by_the_implicit_rule()
    {
        await using var mobile = await BaresipAgent.StartAsync(Profile("alice", "alice-secret", MobileTone, autoAnswer: false));
        await using var tv = await BaresipAgent.StartAsync(Profile("tv", "tv-secret", TvTone, autoAnswer: true));
        await using var remote = await BaresipAgent.StartAsync(Profile("bob", "bob-secret", RemoteTone, autoAnswer: true));
        BaresipAgent[] all = [mobile, tv, remote];
        string Context() => Diagnostics(all);

        // 1. Everyone registers with MD5 digest.
        foreach (var agent in all)
        {
            Assert.True(await agent.WaitRegisteredAsync(Step), $"{agent.Profile.User} did not register\n{Context()}");
        }

        // 2a. Call 1: the mobile calls its TV, which answers; the cluster marks the INVITE for auto-answer.
        await mobile.DialAsync(tv.Profile.Aor);
        var call1 = await Established(mobile, tv.Profile.Aor);
        Assert.True(call1 is not null, $"call 1 (alice -> tv) not established\n{Context()}");
        Assert.True(await Established(tv, null) is not null, $"the TV did not establish call 1\n{Context()}");
        var tvInvite = await FirstReceivedInviteAsync(tv);
        Assert.True(tvInvite is not null, $"no INVITE in the TV's SIP trace\n{Context()}");
        AssertAutoAnswerIndication(tvInvite, Context);

        // The sndfile dumps are named by the second their call's audio started: call 2 must start in a later second.
        await WaitForNextDumpSecondAsync(mobile, Context);

        // 2b. Call 2: the mobile calls the remote party; no header ties it to call 1.
        await mobile.DialAsync(remote.Profile.Aor);
        var call2 = await Established(mobile, remote.Profile.Aor);
        Assert.True(call2 is not null, $"call 2 (alice -> bob) not established\n{Context()}");
        Assert.True(await Established(remote, null) is not null, $"the remote did not establish call 2\n{Context()}");
        var remoteInvite = await FirstReceivedInviteAsync(remote);
        Assert.True(remoteInvite is not null, $"no INVITE in the remote's SIP trace\n{Context()}");
        AssertNoAutoAnswerIndication(remoteInvite, Context);
        var session = SessionProbe.SessionOf(tvInvite);
        Assert.True(session is not null, $"no session id in the Contact the TV received\n{string.Join("\n", tvInvite)}");
        Assert.Equal(session, SessionProbe.SessionOf(remoteInvite));
        await WaitForDumpsAsync(mobile, 2, Context);

        // 3. Three-party phase: everyone hears the two others, never itself; TV and remote see each other's video.
        await ExpectHeardAsync("three-party phase", Context,
            new Ear(mobile, [TvTone, RemoteTone], [MobileTone], TimeSpan.Zero),
            new Ear(tv, [MobileTone, RemoteTone], [TvTone], TimeSpan.Zero),
            new Ear(remote, [MobileTone, TvTone], [RemoteTone], TimeSpan.Zero));
        await ExpectVideoAsync("three-party phase", Context, tv, remote);
        await ExpectPhaseAsync(session, "three-party", Context);

        // 4. The mobile hangs up call 1 (line 1, to the TV); the cluster ends call 2; TV and remote stay connected.
        var lines = await mobile.ListCallsAsync();
        Assert.Matches($@"\[line 1\][^\n]*{tv.Profile.Aor}", lines);
        await mobile.HangupLineAsync(1);
        Assert.True(await Closed(mobile, call1.CallId) is not null, $"call 1 not closed at the mobile\n{Context()}");
        Assert.True(await Closed(mobile, call2.CallId) is not null, $"the cluster did not end the mobile's call 2\n{Context()}");
        var tvMark = DumpLength(tv);
        var remoteMark = DumpLength(remote);

        await ExpectHeardAsync("after the mobile left", Context,
            new Ear(tv, [RemoteTone], [MobileTone, TvTone], tvMark),
            new Ear(remote, [TvTone], [MobileTone, RemoteTone], remoteMark));
        await ExpectVideoAsync("after the mobile left", Context, tv, remote);
        await ExpectPhaseAsync(session, "bridged", Context);
        foreach (var agent in new[] { tv, remote })
        {
            Assert.DoesNotContain(agent.Events, e => e.Type == "CALL_CLOSED");
            Assert.Contains("ESTABLISHED", await agent.ListCallsAsync(), StringComparison.Ordinal);
            // Retransmissions repeat the CSeq; a re-INVITE would bring a new one.
            var invites = agent.ReceivedRequests("INVITE").Select(i => SipTrace.Header(i, "CSeq").FirstOrDefault()).Distinct().Count();
            Assert.True(invites == 1, $"{agent.Profile.User} received {invites} different INVITEs (a re-INVITE)\n{Context()}");
        }

        // The TV ends the bridged call; the remote sees it end.
        await tv.HangupLineAsync(1);
        Assert.True(await remote.WaitForEventAsync(e => e.Type == "CALL_CLOSED", Step) is not null, $"the remote's call did not end after the TV hung up\n{Context()}");
    }

    private BaresipProfile Profile(string user, string password, int tone, bool autoAnswer) =>
        new(user, password, ClusterNode.Domain, _node.SipPort, tone, autoAnswer);

    private static Task<BaresipEvent?> Established(BaresipAgent agent, string? peer) =>
        agent.WaitForEventAsync(e => e.Type == "CALL_ESTABLISHED" && (peer is null || e.PeerUri == peer), Step);

    private static Task<BaresipEvent?> Closed(BaresipAgent agent, string callId) =>
        agent.WaitForEventAsync(e => e.Type == "CALL_CLOSED" && e.CallId == callId, Step);

    private static TimeSpan DumpLength(BaresipAgent agent)
    {
        var dumps = agent.DecodedDumps();
        Assert.Single(dumps);
        return WavDump.Read(dumps[0]).Duration;
    }

    private static void AssertAutoAnswerIndication(IReadOnlyList<string> invite, Func<string> context)
    {
        var text = string.Join("\n", invite);
        Assert.True(SipTrace.Header(invite, "Answer-Mode").Any(v => v.Equals("Auto", StringComparison.OrdinalIgnoreCase)), $"no Answer-Mode: Auto\n{text}");
        Assert.True(SipTrace.Header(invite, "Call-Info").Any(v => v.Contains("answer-after=0", StringComparison.OrdinalIgnoreCase)), $"no Call-Info answer-after=0\n{text}");
        Assert.True(SipTrace.Header(invite, "Alert-Info").Any(v => v.Contains("alert-autoanswer", StringComparison.OrdinalIgnoreCase)), $"no Alert-Info alert-autoanswer\n{text}");
        Assert.True(SipTrace.Header(invite, "P-Asserted-Identity").Any(v => v.Contains($"sip:alice@{ClusterNode.Domain}", StringComparison.Ordinal)), $"no P-Asserted-Identity of alice\n{text}\n{context()}");
    }

    private static void AssertNoAutoAnswerIndication(IReadOnlyList<string> invite, Func<string> context)
    {
        var text = string.Join("\n", invite);
        Assert.True(SipTrace.Header(invite, "Answer-Mode").Count == 0, $"the remote got Answer-Mode\n{text}\n{context()}");
        Assert.DoesNotContain(SipTrace.Header(invite, "Call-Info"), v => v.Contains("answer-after", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(SipTrace.Header(invite, "Alert-Info"), v => v.Contains("alert-autoanswer", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<IReadOnlyList<string>?> FirstReceivedInviteAsync(BaresipAgent agent)
    {
        var deadline = DateTime.UtcNow + Step;
        while (true)
        {
            var invites = agent.ReceivedRequests("INVITE");
            if (invites.Count > 0 || DateTime.UtcNow >= deadline)
            {
                return invites.FirstOrDefault();
            }
            await Task.Delay(100);
        }
    }

    private async Task ExpectPhaseAsync(string session, string phase, Func<string> context)
    {
        var (held, seen) = await SessionProbe.WaitForPhaseAsync(_node.Http, session, "home", phase, Step);
        Assert.True(held, $"session {session}: expected home/{phase}, saw {seen}\n{context()}");
    }

    private static async Task WaitForDumpsAsync(BaresipAgent agent, int count, Func<string> context)
    {
        var deadline = DateTime.UtcNow + Step;
        while (agent.DecodedDumps().Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        Assert.True(agent.DecodedDumps().Count == count, $"{agent.Profile.User}: expected {count} decoded-audio dumps, found {agent.DecodedDumps().Count}\n{context()}");
    }

    private static async Task WaitForNextDumpSecondAsync(BaresipAgent mobile, Func<string> context)
    {
        await WaitForDumpsAsync(mobile, 1, context);
        var dumps = mobile.DecodedDumps();
        var deadline = DateTime.UtcNow + Step;
        var started = Path.GetFileName(dumps[0])["dump-".Length..^"-dec.wav".Length];
        while (string.CompareOrdinal(DateTime.Now.ToString("yyyy-MM-dd-HH-mm-ss", CultureInfo.InvariantCulture), started) <= 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }

    private static async Task ExpectHeardAsync(string phase, Func<string> context, params Ear[] ears)
    {
        var deadline = DateTime.UtcNow + Step;
        var descriptions = new string[ears.Length];
        while (true)
        {
            var held = true;
            for (var i = 0; i < ears.Length; i++)
            {
                held &= ears[i].Holds(ears[i].Heard(out descriptions[i]));
            }
            if (held)
            {
                return;
            }
            if (DateTime.UtcNow >= deadline)
            {
                Assert.Fail($"{phase}: {string.Join("\n", descriptions)}\n{context()}");
            }
            await Task.Delay(500);
        }
    }

    private static async Task ExpectVideoAsync(string phase, Func<string> context, params BaresipAgent[] agents)
    {
        const int MoreFrames = 15;
        var before = new List<VideoCounters>();
        foreach (var agent in agents)
        {
            before.Add(await agent.VideoAsync());
        }
        var deadline = DateTime.UtcNow + Step;
        while (true)
        {
            var now = new List<VideoCounters>();
            foreach (var agent in agents)
            {
                now.Add(await agent.VideoAsync());
            }
            var grown = now.Zip(before, (n, b) => n.FramesShown >= b.FramesShown + MoreFrames && n.PacketsReceived > b.PacketsReceived).All(g => g);
            if (grown)
            {
                return;
            }
            if (DateTime.UtcNow >= deadline)
            {
                var report = agents.Select((a, i) => $"{a.Profile.User}: frames {before[i].FramesShown} -> {now[i].FramesShown}, packets {before[i].PacketsReceived} -> {now[i].PacketsReceived}\n{now[i].Raw}");
                Assert.Fail($"{phase}: video did not flow\n{string.Join("\n", report)}\n{context()}");
            }
            await Task.Delay(500);
        }
    }

    private string Diagnostics(IEnumerable<BaresipAgent> agents) =>
        string.Join("\n", agents.Select(a => $"== baresip {a.Profile.User} (events: {string.Join(", ", a.Events.Select(e => e.Type))})\n{Tail(a.Output, 4000)}"))
        + $"\n== node\n{_node.Output()}";

    private static string Tail(string text, int length) => text.Length > length ? text[^length..] : text;
}
