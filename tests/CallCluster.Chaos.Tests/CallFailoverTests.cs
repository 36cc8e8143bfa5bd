using System.Globalization;
using System.Net;
using CallCluster.Chaos.Tests.Calls;
using CallCluster.Chaos.Tests.Cluster;
using CallCluster.Terminal;
using Xunit.Abstractions;

namespace CallCluster.Chaos.Tests;

/// <summary>
/// Plain calls between terminal agents through a gateway member whose sessions live on node
/// processes; kill -9 of the node hosting the most sessions; the calls go on and end cleanly.
/// </summary>
public sealed class CallFailoverTests(ITestOutputHelper output)
{
    private const int Pairs = 3;
    private const string Password = "chaos-secret";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Kill_9_of_the_session_node_keeps_calls_up_and_bye_ends_both_sides_with_one_cdr_each()
    {
        await using var cluster = await LocalCluster.StartAsync(3, "session,media");
        await ProvisionAsync(cluster);
        using var start = new CancellationTokenSource(LocalCluster.StartTimeout);
        await using var gateway = await GatewayNode.StartAsync(cluster.Postgres.ConnectionString, cluster.Nodes.Select(n => n.Address).ToList(), start.Token);
        await RunCallsAsync(cluster, gateway.SipEndPoint, cluster.Nodes, () => OutResponses(gateway, 200), "gateway member in the test process");
    }

    [Fact]
    public async Task Through_a_gateway_node_process_kill_9_of_a_session_node_keeps_calls_up_and_bye_ends_both_sides_with_one_cdr_each()
    {
        // One media node (with the gateway, never killed): sessions anchor media there; with two
        // media nodes the session's media router spreads one session's commands over both.
        await using var cluster = await LocalCluster.StartAsync(3, "gateway,media;session");
        await ProvisionAsync(cluster);
        var sip = new IPEndPoint(IPAddress.Loopback, cluster[1].SipPort);
        await RunCallsAsync(cluster, sip, cluster.Nodes.Skip(1).ToList(), null, "gateway node 1 (callcluster run)");
    }

    private static async Task ProvisionAsync(LocalCluster cluster)
    {
        var node = cluster.Nodes.First(n => n.Roles.Contains("session", StringComparison.Ordinal));
        for (var i = 1; i <= Pairs; i++)
        {
            foreach (var user in new[] { $"caller{i}", $"callee{i}" })
            {
                Assert.True(await node.UpsertSubscriberAsync(user, Password) is 200 or 201, $"provisioning {user}");
            }
        }
    }

    /// <summary>
    /// <paramref name="answered200"/>: the gateway's count of 200 responses sent, when it can be
    /// read (the in-process gateway); else the BYE reaching the callee stands for its answer.
    /// </summary>
    private async Task RunCallsAsync(LocalCluster cluster, IPEndPoint gatewaySip, IReadOnlyList<ClusterNode> sessionNodes, Func<long>? answered200, string label)
    {
        var phones = new List<Phone>();
        try
        {
            for (var i = 1; i <= Pairs; i++)
            {
                phones.Add(await Phone.StartAsync(Options($"caller{i}", gatewaySip, 400 + (100 * i), answer: false)));
                phones.Add(await Phone.StartAsync(Options($"callee{i}", gatewaySip, 1000 + (100 * i), answer: true)));
            }
            foreach (var phone in phones)
            {
                await cluster.WaitUntilAsync(() => phone.Agent.RegisterAsync(), Bound, $"{phone.User} registers through the gateway");
            }

            var callers = phones.Where((_, i) => i % 2 == 0).ToList();
            var callees = phones.Where((_, i) => i % 2 == 1).ToList();
            var calls = new List<TerminalCall>();
            for (var i = 0; i < Pairs; i++)
            {
                calls.Add(await callers[i].Agent.PlaceCallAsync(callees[i].User));
            }
            for (var i = 0; i < Pairs; i++)
            {
                await WaitForTonesAsync(cluster, callers[i], callees[i], "before the kill");
            }

            var hosted = new Dictionary<int, IReadOnlyList<string>>();
            foreach (var node in sessionNodes)
            {
                hosted[node.Number] = await node.LocalSessionsAsync() ?? throw new InvalidOperationException($"node {node.Number} did not list its sessions");
            }
            var sessions = hosted.Values.SelectMany(s => s).ToList();
            Assert.Equal(Pairs, sessions.Count);
            var victim = hosted.MaxBy(h => h.Value.Count).Key;
            var moved = hosted[victim];
            var survivors = sessionNodes.Where(n => n.Number != victim).ToList();
            var received = phones.Select(p => p.Audio()?.PacketsReceived ?? 0).ToList();

            var killedAt = cluster.Kill(victim);
            await using var watch = new MediaGapWatch(phones, killedAt, Bound * 2);

            DateTimeOffset? firstAnswer = null;
            foreach (var id in moved)
            {
                await cluster.WaitUntilAsync(async () => await survivors[0].SessionAnswersAsync(id), Bound, $"session {id} answers on node {survivors[0].Number}");
                firstAnswer ??= DateTimeOffset.UtcNow;
            }
            var allAnswered = DateTimeOffset.UtcNow;

            for (var i = 0; i < Pairs; i++)
            {
                await WaitForTonesAsync(cluster, callers[i], callees[i], "after the kill");
            }
            for (var i = 0; i < phones.Count; i++)
            {
                var phone = phones[i];
                await cluster.WaitUntilAsync(
                    () => Task.FromResult((phone.Audio()?.PacketsReceived ?? 0) > received[i] + 50),
                    Bound,
                    $"{phone.User} still receives RTP after the kill");
            }

            // Media stays on its own node (or on the gateway process): the kill of a session node
            // must not interrupt it; the longest silence per call is the figure.
            new Figures(output, label).AddDistribution(
                "media gap (longest RTP silence per call across the kill)",
                Enumerable.Range(0, Pairs).Select(i => Figures.Max(watch.Gap(callers[i]), watch.Gap(callees[i]))).ToList());

            // The terminal does not report the answer to its BYE; the gateway's counters do.
            var answeredBefore = answered200?.Invoke() ?? 0;
            var byeRelayed = new List<DateTimeOffset>();
            for (var i = 0; i < Pairs; i++)
            {
                var callerId = calls[i].CallId;
                var calleeId = callees[i].EstablishedCallId() ?? throw new InvalidOperationException($"{callees[i].User} has no established call");
                Assert.True(await callers[i].Agent.HangupAsync(callerId), $"{callers[i].User} hangs up");
                var caller = callers[i];
                var callee = callees[i];
                await cluster.WaitUntilAsync(() => Task.FromResult(callee.Ended(calleeId) is not null), Bound, $"{callee.User} receives the BYE");
                Assert.Equal("local-bye", caller.Ended(callerId)?.Reason);
                Assert.Equal("remote-bye", callee.Ended(calleeId)!.Reason);
                byeRelayed.Add(callee.Ended(calleeId)!.Time);
            }
            DateTimeOffset? byesAnswered = null;
            if (answered200 is not null)
            {
                await cluster.WaitUntilAsync(
                    () => Task.FromResult(answered200() >= answeredBefore + Pairs),
                    Bound,
                    $"the gateway answers the {Pairs} BYEs with 200");
                byesAnswered = DateTimeOffset.UtcNow;
            }
            Assert.All(phones, p => Assert.Null(p.EstablishedCallId()));

            foreach (var id in sessions)
            {
                await cluster.WaitUntilAsync(
                    async () => await survivors[0].CdrsAsync() is { } cdrs && cdrs.Any(c => c.Contains(id, StringComparison.Ordinal)),
                    Bound,
                    $"a CDR for session {id}");
            }
            var all = await survivors[^1].CdrsAsync();
            Assert.NotNull(all);
            foreach (var id in sessions)
            {
                Assert.Single(all, c => c.Contains(id, StringComparison.Ordinal));
            }

            Report($"{label}: kill -9 of node {victim} ({moved.Count} of {Pairs} sessions) -> first moved session answers again", firstAnswer - killedAt);
            Report($"{label}: kill -9 -> every moved session answers again", allAnswered - killedAt);
            Report($"{label}: kill -9 -> first BYE (sent once the sessions answered) relayed to the callee", byeRelayed.Min() - killedAt);
            if (byesAnswered is not null)
            {
                Report($"{label}: kill -9 -> every BYE answered 200 by the gateway (seen by polling)", byesAnswered - killedAt);
            }
        }
        finally
        {
            foreach (var phone in phones)
            {
                await phone.DisposeAsync();
            }
        }
    }

    private static long OutResponses(GatewayNode gateway, int status) =>
        gateway.Handle.Metrics.Snapshot().GetValueOrDefault($"sip_out_response{{status=\"{status}\"}}");

    private static TerminalOptions Options(string user, IPEndPoint registrar, double toneHz, bool answer) => new()
    {
        User = user,
        Password = Password,
        Domain = GatewayNode.Domain,
        Registrar = registrar,
        ToneHz = toneHz,
        AnswerAfterRinging = answer,
        RingTime = TimeSpan.FromMilliseconds(200),
        RegisterExpires = 600,
    };

    /// <summary>
    /// The detector's tones only change when packets arrive (they stay as they were while none
    /// come), and <see cref="Phone.Audio"/> is null once the call is no longer established: a
    /// timeout here means the call ended or packets without the peer's tone kept arriving. The
    /// message carries both phones' events and counters to tell which.
    /// </summary>
    private static async Task WaitForTonesAsync(LocalCluster cluster, Phone caller, Phone callee, string when)
    {
        try
        {
            await cluster.WaitUntilAsync(
                () => Task.FromResult(
                    Hears(caller, callee.Agent.Options.ToneHz) && Hears(callee, caller.Agent.Options.ToneHz)),
                Bound,
                $"{caller.User} and {callee.User} hear each other's tone {when}");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{CallPair.Describe(caller)}\n{CallPair.Describe(callee)}\n{e.Message}", e);
        }
    }

    private static bool Hears(Phone phone, double hz) =>
        phone.Audio()?.CurrentTones.Any(t => Math.Abs(t - hz) <= 20) == true;

    private void Report(string what, TimeSpan? elapsed)
    {
        var text = elapsed is { } e ? e.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms" : "not seen";
        var line = $"chaos figure: {what}: {text}";
        output.WriteLine(line);
        Console.WriteLine(line);
    }
}
