using CallCluster.Actors.Sessions;
using CallCluster.Chaos.Tests.Calls;
using CallCluster.Chaos.Tests.Cluster;
using Xunit.Abstractions;

namespace CallCluster.Chaos.Tests;

/// <summary>
/// Failover with many shards to move: 300 trunk calls held by SIPp (caller on carrier-b's address,
/// callee on carrier-a's, media bypassed as the trunks say) on three nodes, node 1 gateway, nodes 2
/// and 3 session and media. The sessions spread over most of the 100 shards. kill -9 of node 2, the
/// oldest session node, which holds the sessions' shard coordinator and about half of the calls:
/// every session of the killed node answers again on node 3, and every call's BYE, sent by SIPp
/// after its hold, is answered 200 end to end (through the recovered session to the callee and
/// back). Each session has exactly one CDR and none is left running.
/// </summary>
public sealed class ManySessionsFailoverTests(ITestOutputHelper output)
{
    private const int Calls = 300;
    private const int Rate = 50;
    private const string CarrierA = "127.0.0.2";
    private const string CarrierB = "127.0.0.3";
    // Long enough for every call to be set up (6 s at 50 calls/s), the kill and the recovery, on a loaded machine.
    private static readonly TimeSpan Hold = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Kill_9_of_the_session_node_holding_the_shard_coordinator_and_half_of_300_calls_moves_every_session_and_every_bye_is_answered()
    {
        await using var cluster = await LocalCluster.StartAsync(3, "gateway;session,media");
        var gateway = cluster[1];
        var victim = cluster[2];
        var survivor = cluster[3];
        var calleePort = FreePorts.Udp(CarrierA);
        var callerPort = FreePorts.Udp(CarrierB);
        Assert.True(await survivor.PostAsync("/api/v1/trunks", new { name = "carrier-a", address = $"{CarrierA}:{calleePort}", trustedSources = new[] { CarrierA }, prefixes = new[] { "+44" }, media = "bypass" }) is 200 or 201, "provisioning carrier-a");
        Assert.True(await survivor.PostAsync("/api/v1/trunks", new { name = "carrier-b", address = $"{CarrierB}:{callerPort}", trustedSources = new[] { CarrierB }, prefixes = new[] { "+33" }, media = "bypass" }) is 200 or 201, "provisioning carrier-b");
        // Every node's directory has both trunks before the first call.
        foreach (var node in new[] { gateway, victim, survivor })
        {
            await cluster.WaitUntilAsync(async () => await node.TrunksAsync() is { Count: 2 }, Bound, $"node {node.Number} knows both trunks");
        }

        var folder = Path.Combine(cluster.Folder, "sipp");
        var calleeFolder = Path.Combine(folder, "callee");
        var callerFolder = Path.Combine(folder, "caller");
        using var callee = Sipp.Start(calleeFolder, ["-sn", "uas", "-i", CarrierA, "-p", $"{calleePort}", "-m", $"{Calls}"]);
        await Task.Delay(300);
        var invitesAnswered = Metrics.SipResponsesOut(200);
        var answeredBefore = await gateway.SampleAsync(invitesAnswered) ?? throw new InvalidOperationException("node 1 did not answer /metrics");
        using var caller = Sipp.Start(callerFolder,
        [
            "-sf", Sipp.Scenario("uac-dialog.xml"), $"127.0.0.1:{gateway.SipPort}", "-s", "+441234", "-i", CarrierB, "-p", $"{callerPort}",
            "-r", $"{Rate}", "-m", $"{Calls}", "-l", $"{Calls}", "-d", $"{(int)Hold.TotalMilliseconds}",
            "-timeout", $"{(int)Bound.TotalSeconds}", "-timeout_error",
        ]);
        // Node 1 answers each call's INVITE 200 toward the caller once the callee answered.
        await cluster.WaitUntilAsync(async () => await gateway.SampleAsync(invitesAnswered) >= answeredBefore + Calls, Bound, $"all {Calls} calls answered");
        var established = DateTimeOffset.UtcNow;

        // A node lists its sessions only when every shard answered; a shard being handed over by a
        // rebalance is listed by neither node for a moment, so ask until the two lists hold every call.
        IReadOnlyList<string> moved = [];
        IReadOnlyList<string> stayed = [];
        await cluster.WaitUntilAsync(
            async () =>
            {
                moved = await victim.LocalSessionsAsync() ?? [];
                stayed = await survivor.LocalSessionsAsync() ?? [];
                return moved.Count + stayed.Count == Calls;
            },
            Bound,
            $"nodes 2 and 3 listing all {Calls} sessions");
        Assert.Equal(Calls, moved.Concat(stayed).Distinct().Count());
        var shards = new SessionMessageExtractor();
        var movedShards = moved.Select(id => shards.ShardId(id)).Distinct().Count();
        var killedAt = cluster.Kill(victim.Number);

        var answeredAt = await AnsweredAtAsync(survivor, moved, killedAt + Bound);
        var missing = moved.Where(id => !answeredAt.ContainsKey(id)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} moved sessions never answered on node 3: {string.Join(", ", missing.Take(10))}");
        var allAnswered = answeredAt.Values.Max();
        Assert.True(allAnswered - established < Hold, $"the moved sessions answered {allAnswered - established} after the calls were set up, within their {Hold} hold: the BYEs test the recovered sessions");

        var callerResult = await Sipp.CollectAsync(caller, callerFolder, Bound);
        var calleeResult = await Sipp.CollectAsync(callee, calleeFolder, Bound);
        Assert.True(callerResult.ExitCode == 0, $"caller: {callerResult.Describe()}");
        Assert.Equal(Calls, callerResult.Cumulative("SuccessfulCall(C)"));
        Assert.Equal(0, callerResult.Cumulative("FailedCall(C)"));
        Assert.True(calleeResult.ExitCode == 0, $"callee: {calleeResult.Describe()}");
        Assert.Equal(Calls, calleeResult.Cumulative("SuccessfulCall(C)"));

        var sessions = moved.Concat(stayed).ToList();
        await cluster.WaitUntilAsync(
            async () => await survivor.CdrsAsync() is { } cdrs && sessions.All(id => cdrs.Any(c => c.Contains(id, StringComparison.Ordinal))),
            Bound,
            $"a CDR for each of the {Calls} sessions");
        var all = await survivor.CdrsAsync();
        Assert.NotNull(all);
        foreach (var id in sessions)
        {
            Assert.Single(all, c => c.Contains(id, StringComparison.Ordinal));
        }
        await cluster.WaitUntilAsync(async () => await survivor.LocalSessionsAsync() is { Count: 0 }, Bound, "no session left running on node 3");

        var figures = new Figures(output, "session-node-kill, 300 calls");
        figures.AddDistribution($"kill -9 of node 2 ({moved.Count} sessions in {movedShards} shards, and the coordinator) to a moved session answering again (polled every 50 ms)",
            answeredAt.Values.Select(t => (TimeSpan?)(t - killedAt)).ToList());
        figures.Add("kill to removal of the node", cluster.RemovedAt(victim.Number) - killedAt);
    }

    /// <summary>Polls every session not yet answering, all at once, every 50 ms until each answered or the deadline: when each first answered.</summary>
    private static async Task<Dictionary<string, DateTimeOffset>> AnsweredAtAsync(ClusterNode node, IReadOnlyList<string> ids, DateTimeOffset deadline)
    {
        var answeredAt = new Dictionary<string, DateTimeOffset>();
        while (answeredAt.Count < ids.Count && DateTimeOffset.UtcNow < deadline)
        {
            var round = await Task.WhenAll(ids.Where(id => !answeredAt.ContainsKey(id)).Select(async id =>
                (Id: id, At: await node.SessionAnswersAsync(id) ? DateTimeOffset.UtcNow : (DateTimeOffset?)null)));
            foreach (var (id, at) in round.Where(r => r.At is not null))
            {
                answeredAt[id] = at!.Value;
            }
            await Task.Delay(50);
        }
        return answeredAt;
    }
}
