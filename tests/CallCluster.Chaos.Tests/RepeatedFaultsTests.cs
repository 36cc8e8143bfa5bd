using System.Net;
using CallCluster.Chaos.Tests.Calls;
using CallCluster.Chaos.Tests.Cluster;
using Xunit.Abstractions;

namespace CallCluster.Chaos.Tests;

/// <summary>
/// Twenty calls on four nodes: eighteen plain calls and two household calls, one in the
/// three-party phase and one bridged (its mobile left). Nodes 1 and 2 are gateway only on one
/// shared SIP port (SO_REUSEPORT), 3 and 4 session and media. Faults in turn, each with every call
/// up: kill -9 of gateway 1 (then restarted), of gateway 2 (then restarted), of node 3 (sessions
/// and media move to node 4; then restarted), of node 4 (everything moves to node 3). After each
/// fault every plain call carries both tones again on fresh packets, each household terminal hears
/// exactly its call's other parties, and two plain calls end with BYE on both sides. At the end
/// the three-party call's mobile leaves (mix to bridge after four faults), everything ends with
/// BYE, each session has exactly one CDR, no session runs and no RTP port is left allocated.
/// </summary>
public sealed class RepeatedFaultsTests(ITestOutputHelper output)
{
    private const int Pairs = 18;
    // Multiples of 40 Hz outside the plain calls' tones (300 + 40i and 1160 + 40i for i up to 18).
    private static readonly double[] ThreePartyTones = [1060, 1100, 1140];
    private static readonly double[] BridgedTones = [1920, 1960, 2000];
    private const int EndedPerFault = 2;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Twenty_calls_with_household_calls_in_both_phases_survive_kills_of_each_gateway_and_of_both_session_and_media_nodes_in_turn_with_one_cdr_each_and_nothing_left_allocated()
    {
        await using var cluster = await LocalCluster.StartAsync(4, "gateway;gateway;session,media", sharedSip: true);
        await CallPair.ProvisionAsync(cluster[3], Pairs);
        await HomeCall.ProvisionAsync(cluster[3], 1);
        await HomeCall.ProvisionAsync(cluster[3], 2);
        var phones = new List<Phone>();
        try
        {
            var sip = new IPEndPoint(IPAddress.Loopback, cluster[1].SipPort);
            var threeParty = await HomeCall.ConnectAsync(cluster, sip, 1, ThreePartyTones, phones, Bound);
            var bridged = await HomeCall.ConnectAsync(cluster, sip, 2, BridgedTones, phones, Bound);
            await bridged.LeaveAsync(cluster, Bound);
            var homes = new[] { threeParty, bridged };
            var live = await CallPair.ConnectAsync(cluster, sip, Pairs, phones, Bound, video: false);
            var sessions = (await cluster[3].LocalSessionsAsync() ?? []).Concat(await cluster[4].LocalSessionsAsync() ?? []).ToList();
            Assert.Equal(Pairs + homes.Length, sessions.Count);

            await FaultAsync(cluster, live, homes, 1, "gateway-node-kill (of 2 on a shared port)", restart: true);
            await FaultAsync(cluster, live, homes, 2, "gateway-node-kill (the other gateway, after node 1 came back)", restart: true);
            await FaultAsync(cluster, live, homes, 3, "session+media-node-kill (node 3 of 2)", restart: true);
            await FaultAsync(cluster, live, homes, 4, "session+media-node-kill (node 4, after node 3 came back)", restart: false);

            await threeParty.LeaveAsync(cluster, Bound);
            foreach (var home in homes)
            {
                await home.EndAsync(cluster, Bound);
            }
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

    /// <summary>kill -9 of <paramref name="victim"/>, every live call heard again, two plain calls ended with BYE; then the node restarted.</summary>
    private async Task FaultAsync(LocalCluster cluster, List<CallPair> live, IReadOnlyList<HomeCall> homes, int victim, string fault, bool restart)
    {
        var homePhones = homes.SelectMany(h => h.Phones).ToList();
        var phones = live.SelectMany(p => p.Phones).Concat(homePhones).ToList();
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
        foreach (var home in homes)
        {
            await home.WaitUntilAsync(cluster, () => home.Phones.All(p => watch.ReceivedSince(p) > 60), Bound, $"receive RTP again after {fault}");
            await home.WaitUntilAsync(cluster, home.HearEachOther, Bound, $"each hears exactly the others after {fault}");
        }
        var allHeard = DateTimeOffset.UtcNow;
        await cluster.WaitUntilAsync(() => Task.FromResult(!cluster.Members().Contains(cluster[victim].Address)), Bound, $"node {victim} removed");

        var figures = new Figures(output, fault);
        figures.AddDistribution("media gap (longest RTP silence per call)", live.Select(p => Figures.Max(watch.Gap(p.Caller), watch.Gap(p.Callee))).ToList());
        figures.AddDistribution("media gap (household terminals)", homePhones.Select(watch.Gap).ToList());
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
