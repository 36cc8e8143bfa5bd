using System.Net;
using CallCluster.Chaos.Tests.Calls;
using CallCluster.Chaos.Tests.Cluster;
using Xunit.Abstractions;

namespace CallCluster.Chaos.Tests;

/// <summary>
/// Twenty plain calls on four nodes: 1 and 2 gateway only on one shared SIP port
/// (SO_REUSEPORT), 3 and 4 session and media. Faults in turn, each with every call up: kill -9 of
/// gateway 1 (then restarted), of gateway 2 (then restarted), of node 3 (sessions and media move
/// to node 4; then restarted), of node 4 (everything moves to node 3). Household calls through
/// faults: HomeCallFailoverTests and RepeatedMediaAndPartitionFaultsTests. After each fault every call carries both tones again on
/// fresh packets and two calls end with BYE on both sides; at the end the rest end, each call
/// has exactly one CDR, no session runs and no RTP port is left allocated.
/// </summary>
public sealed class RepeatedFaultsTests(ITestOutputHelper output)
{
    private const int Pairs = 20;
    private const int EndedPerFault = 2;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Twenty_calls_survive_kills_of_each_gateway_and_of_both_session_and_media_nodes_in_turn_with_one_cdr_each_and_nothing_left_allocated()
    {
        await using var cluster = await LocalCluster.StartAsync(4, "gateway;gateway;session,media", sharedSip: true);
        await CallPair.ProvisionAsync(cluster[3], Pairs);
        var phones = new List<Phone>();
        try
        {
            var sip = new IPEndPoint(IPAddress.Loopback, cluster[1].SipPort);
            var live = await CallPair.ConnectAsync(cluster, sip, Pairs, phones, Bound, video: false);
            var sessions = (await cluster[3].LocalSessionsAsync() ?? []).Concat(await cluster[4].LocalSessionsAsync() ?? []).ToList();
            Assert.Equal(Pairs, sessions.Count);

            await FaultAsync(cluster, live, 1, "gateway-node-kill (of 2 on a shared port)", restart: true);
            await FaultAsync(cluster, live, 2, "gateway-node-kill (the other gateway, after node 1 came back)", restart: true);
            await FaultAsync(cluster, live, 3, "session+media-node-kill (node 3 of 2)", restart: true);
            await FaultAsync(cluster, live, 4, "session+media-node-kill (node 4, after node 3 came back)", restart: false);

            foreach (var pair in live)
            {
                await pair.HangUpAsync(cluster, Bound);
            }
            await MediaNodeLossTests.AssertCleanAsync(cluster, cluster[3], cluster[3], sessions);
            await cluster.WaitUntilAsync(
                async () => await cluster[3].SampleAsync("callcluster_media_rtp_ports_allocated") == 0,
                Bound,
                "no RTP port left allocated on node 3");
        }
        finally
        {
            foreach (var phone in phones)
            {
                await phone.DisposeAsync();
            }
        }
    }

    /// <summary>kill -9 of <paramref name="victim"/>, every live call heard again, two calls ended with BYE; then the node restarted.</summary>
    private async Task FaultAsync(LocalCluster cluster, List<CallPair> live, int victim, string fault, bool restart)
    {
        var phones = live.SelectMany(p => p.Phones).ToList();
        var killedAt = cluster.Kill(victim);
        await using var watch = new MediaGapWatch(phones, killedAt, Bound * 3);
        foreach (var pair in live)
        {
            await pair.WaitUntilAsync(cluster, () => watch.ReceivedSince(pair.Caller) > 60 && watch.ReceivedSince(pair.Callee) > 60, Bound, $"receive RTP again after {fault}");
        }
        foreach (var pair in live)
        {
            await pair.WaitUntilAsync(cluster, () => pair.HearEachOther(), Bound, $"hear each other's tone after {fault}");
        }
        var allHeard = DateTimeOffset.UtcNow;
        await cluster.WaitUntilAsync(() => Task.FromResult(!cluster.Members().Contains(cluster[victim].Address)), Bound, $"node {victim} removed");

        var figures = new Figures(output, fault);
        figures.AddDistribution("media gap (longest RTP silence per call)", live.Select(p => Figures.Max(watch.Gap(p.Caller), watch.Gap(p.Callee))).ToList());
        figures.AddDistribution("re-INVITE answered (calls re-anchored)", live.Select(p => Figures.Min(watch.FirstReinviteAnswered(p.Caller), watch.FirstReinviteAnswered(p.Callee))).Where(t => t is not null).ToList());
        figures.Add("kill to every call heard again on fresh packets (polled)", allHeard - killedAt);
        figures.Add("kill to removal of the node", cluster.RemovedAt(victim) - killedAt);

        var byeAt = DateTimeOffset.UtcNow;
        foreach (var pair in live.Take(EndedPerFault).ToList())
        {
            await pair.HangUpAsync(cluster, Bound);
            live.Remove(pair);
        }
        figures.Add($"{EndedPerFault} BYEs relayed to the callees after removal (polled)", DateTimeOffset.UtcNow - byeAt);

        if (restart)
        {
            var restartAt = DateTimeOffset.UtcNow;
            await cluster.RestartAsync(victim);
            figures.Add("restart to ready and Up", DateTimeOffset.UtcNow - restartAt);
        }
    }


}
