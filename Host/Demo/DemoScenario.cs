using System.Net;
using CallCluster.Terminal;

namespace CallCluster.Host.Demo;

/// <summary>
/// The home video call end to end: a node with every role and three terminals on loopback
/// (a mobile, the TV bound to it, a remote party). Each step is narrated with its time; the
/// result is 0 only when every step held.
/// </summary>
public sealed class DemoScenario(DemoNarrator narrator)
{
    private const int MobileTone = 440;
    private const int TvTone = 880;
    private const int RemoteTone = 1320;
    private static readonly double[] Candidates = [MobileTone, 660, TvTone, 1100, RemoteTone];
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(20);

    public async Task<int> RunAsync(IReadOnlyList<string> nodeArguments)
    {
        await using var node = DemoNode.Create();
        narrator.Say($"starting a node with every role: SIP udp/tcp 127.0.0.1:{node.SipPort}, HTTP {node.HttpBase}");
        var problem = await node.StartAsync(nodeArguments, TimeSpan.FromSeconds(60));
        if (problem is not null)
        {
            narrator.Failed("node", problem);
            return 1;
        }
        narrator.Held("node", "ready (member of its one-node cluster, journal reachable, household provisioned)");

        var registrar = new IPEndPoint(IPAddress.Loopback, node.SipPort);
        await using var mobile = await StartAsync("mobile", "mobile-demo-secret", MobileTone, registrar, bound: [], answerOthers: false);
        await using var tv = await StartAsync("tv", "tv-demo-secret", TvTone, registrar, bound: ["mobile"], answerOthers: false);
        await using var remote = await StartAsync("remote", "remote-demo-secret", RemoteTone, registrar, bound: [], answerOthers: true);

        foreach (var agent in new[] { mobile, tv, remote })
        {
            var ok = await agent.Agent.RegisterAsync();
            if (!narrator.Check(ok, "registered", $"{agent.Role} {agent.Agent.Aor}"))
            {
                return 1;
            }
        }

        // Call 1: the mobile calls its TV; the TV answers by itself because the asserted caller is its bound mobile.
        var call1 = await mobile.Agent.PlaceCallAsync("tv");
        narrator.Say($"mobile -> tv: call 1 placed ({call1.CallId})");
        var incoming = await tv.WaitForAsync<IncomingCallEvent>(_ => true, StepTimeout);
        var answered1 = await mobile.WaitForAsync<CallAnsweredEvent>(e => e.CallId == call1.CallId, StepTimeout);
        if (!narrator.Check(
                incoming is { Decision: "auto-answer" } && answered1 is not null,
                "call 1 auto-answered",
                incoming is null
                    ? "the TV saw no call"
                    : $"TV decision {incoming.Decision}, asserted {incoming.AssertedIdentity ?? "none"}, Answer-Mode {incoming.AnswerMode ?? "none"}, answer-after {incoming.CallInfoAnswerAfter}, alert-autoanswer {incoming.AlertInfoAutoAnswer}"))
        {
            return 1;
        }

        // Call 2: the mobile calls the remote party, which rings and answers.
        var call2 = await mobile.Agent.PlaceCallAsync("remote");
        narrator.Say($"mobile -> remote: call 2 placed ({call2.CallId})");
        var answered2 = await mobile.WaitForAsync<CallAnsweredEvent>(e => e.CallId == call2.CallId, StepTimeout);
        if (!narrator.Check(answered2 is not null, "call 2 answered", answered2 is null ? "no answer" : $"by {answered2.Peer}"))
        {
            return 1;
        }

        // Three-party phase: everyone hears the two others and never itself.
        var threeParty = await WaitForTonesAsync(
            (mobile, [TvTone, RemoteTone]), (tv, [MobileTone, RemoteTone]), (remote, [MobileTone, TvTone]));
        narrator.Check(threeParty.Held, "three-party phase", threeParty.Description);

        // The mobile leaves: it hangs up call 1; the cluster ends call 2 and bridges TV and remote.
        await mobile.Agent.HangupAsync(call1.CallId);
        narrator.Say("mobile hangs up call 1");
        var ended2 = await mobile.WaitForAsync<CallEndedEvent>(e => e.CallId == call2.CallId, StepTimeout);
        narrator.Check(ended2 is not null, "mobile's other call ended by the cluster", ended2?.Reason ?? "call 2 still up");
        var tvEnded = await tv.WaitForAsync<CallEndedEvent>(_ => true, TimeSpan.FromSeconds(2));
        var remoteEnded = await remote.WaitForAsync<CallEndedEvent>(_ => true, TimeSpan.FromSeconds(0.1));
        narrator.Check(tvEnded is null && remoteEnded is null, "TV and remote stay connected", tvEnded is null && remoteEnded is null ? "no BYE, no re-INVITE needed" : "a call ended");

        var bridged = await WaitForTonesAsync((tv, [RemoteTone]), (remote, [TvTone]));
        narrator.Check(bridged.Held, "TV and remote still hear each other", bridged.Description);

        using var api = new DemoApi(node.HttpBase);
        var sessions = await api.SessionsAsync();
        var home = sessions.FirstOrDefault(s => s.Kind.Equals("home", StringComparison.OrdinalIgnoreCase));
        narrator.Check(sessions.Count == 1 && string.Equals(home.Phase, "bridged", StringComparison.OrdinalIgnoreCase), "one home session, bridged",
            string.Join(", ", sessions.Select(s => $"{s.Id}: {s.Kind} {s.Phase}")));

        foreach (var (agent, _) in new[] { (tv, 0), (remote, 0) })
        {
            var video = agent.Agent.GetStats().Calls.SelectMany(c => c.Streams).FirstOrDefault(s => s.Media == "video");
            narrator.Check(video is { PacketsReceived: > 0 }, $"{agent.Role} receives video",
                video is null ? "no video stream" : $"{video.PacketsReceived} packets, {video.KeyFramesReceived} key frames");
        }

        var tvCall = tv.Agent.GetStats().Calls.FirstOrDefault();
        if (tvCall is not null)
        {
            await tv.Agent.HangupAsync(tvCall.CallId);
            var remoteDone = await remote.WaitForAsync<CallEndedEvent>(_ => true, StepTimeout);
            narrator.Check(remoteDone is not null, "TV hangs up, remote's call ends", remoteDone?.Reason ?? "remote still connected");
        }

        if (home.Id is not null)
        {
            var cdr = await api.WaitForCdrAsync(home.Id, StepTimeout);
            narrator.Check(cdr is not null, "call detail record written", cdr ?? "no CDR for the home session");
        }

        var invites = await api.MetricAsync("callcluster_sip_messages_in_total{method=\"INVITE\"");
        var ended = await api.MetricAsync("callcluster_sessions_total{outcome=\"normal-clearing\"}");
        var writes = await api.MetricAsync("callcluster_journal_write_seconds_count");
        narrator.Check(invites >= 2 && ended >= 1 && writes >= 1, "metrics",
            $"{invites} INVITEs in, {ended} session(s) ended normally, {writes} journal writes timed");

        narrator.Say(narrator.Failures == 0 ? "demo complete: every step held" : $"demo complete: {narrator.Failures} step(s) failed");
        return narrator.Failures == 0 ? 0 : 1;
    }

    private async Task<AgentLog> StartAsync(string user, string password, int tone, IPEndPoint registrar, IReadOnlyList<string> bound, bool answerOthers)
    {
        var agent = await TerminalAgent.StartAsync(new TerminalOptions
        {
            User = user,
            Password = password,
            Domain = DemoNode.Domain,
            Registrar = registrar,
            ToneHz = tone,
            ToneCandidates = Candidates,
            BoundMobiles = bound,
            AnswerAfterRinging = answerOthers,
            RingTime = TimeSpan.FromSeconds(1),
            StatsInterval = TimeSpan.Zero,
        });
        return new AgentLog(user, agent);
    }

    private static async Task<(bool Held, string Description)> WaitForTonesAsync(params (AgentLog Agent, int[] Expected)[] checks)
    {
        var deadline = DateTime.UtcNow + StepTimeout;
        while (true)
        {
            var heard = checks.Select(c => (c.Agent, c.Expected, Heard: c.Agent.CurrentTones())).ToList();
            var held = heard.All(h => h.Heard.SetEquals(h.Expected));
            var description = string.Join("; ", heard.Select(h => $"{h.Agent.Role} hears {Format(h.Heard)}"));
            if (held || DateTime.UtcNow >= deadline)
            {
                return (held, description);
            }
            await Task.Delay(200);
        }
    }

    private static string Format(IReadOnlySet<int> tones) =>
        tones.Count == 0 ? "nothing" : string.Join(" + ", tones.Order().Select(t => $"{t} Hz"));
}
