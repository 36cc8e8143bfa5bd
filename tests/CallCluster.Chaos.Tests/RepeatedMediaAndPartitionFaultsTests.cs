using System.Net;
using CallCluster.Chaos.Tests.Calls;
using CallCluster.Chaos.Tests.Cluster;
using Xunit.Abstractions;

namespace CallCluster.Chaos.Tests;

/// <summary>
/// The deployed shape of the cluster (media on nodes of their own) with twenty calls: eighteen
/// plain calls and two household calls, one three-party and one bridged. Node 1 gateway, nodes 2
/// and 3 session, nodes 4 and 5 media, each under its own user id. Faults in turn, each with
/// every call up: kill -9 of media node 4 (restarted), a network partition isolating session
/// node 2 (it downs itself and exits; the partition heals and it restarts), kill -9 of media node
/// 5 (restarted), a partition isolating session node 3. After each fault every terminal hears
/// exactly its call's other parties on fresh packets and two plain calls end with BYE on both
/// sides (in-dialog requests answered again). At the end the three-party call's mobile leaves,
/// everything ends, each session has exactly one CDR, no session runs and no RTP port stays
/// allocated on either media node.
/// </summary>
public sealed class RepeatedMediaAndPartitionFaultsTests(ITestOutputHelper output)
{
    private const int Pairs = 18;
    private const int EndedPerFault = 2;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);
    // Multiples of 40 Hz outside the plain calls' tones (300 + 40i and 1160 + 40i for i up to 18).
    private static readonly double[] ThreePartyTones = [1060, 1100, 1140];
    private static readonly double[] BridgedTones = [1920, 1960, 2000];

    [Fact]
    public async Task Twenty_calls_survive_media_node_kills_and_partitions_of_session_nodes_in_turn_with_one_cdr_each_and_nothing_left_allocated()
    {
        await using var cluster = await LocalCluster.StartAsync(5, "gateway;session;session;media;media", ownUsers: true);
        await CallPair.ProvisionAsync(cluster[2], Pairs);
        await HomeCall.ProvisionAsync(cluster[2], 1);
        await HomeCall.ProvisionAsync(cluster[2], 2);
        var phones = new List<Phone>();
        try
        {
            var sip = new IPEndPoint(IPAddress.Loopback, cluster[1].SipPort);
            var threeParty = await HomeCall.ConnectAsync(cluster, sip, 1, ThreePartyTones, phones, Bound);
            var bridged = await HomeCall.ConnectAsync(cluster, sip, 2, BridgedTones, phones, Bound);
            await bridged.LeaveAsync(cluster, Bound);
            var homes = new[] { threeParty, bridged };
            var live = await CallPair.ConnectAsync(cluster, sip, Pairs, phones, Bound, video: false);
            var sessions = (await cluster[2].LocalSessionsAsync() ?? []).Concat(await cluster[3].LocalSessionsAsync() ?? []).ToList();
            Assert.Equal(Pairs + homes.Length, sessions.Count);

            await MediaKillAsync(cluster, live, homes, 4);
            await PartitionAsync(cluster, live, homes, 2, restart: true);
            await MediaKillAsync(cluster, live, homes, 5);
            await PartitionAsync(cluster, live, homes, 3, restart: false);

            await threeParty.LeaveAsync(cluster, Bound);
            foreach (var home in homes)
            {
                await home.EndAsync(cluster, Bound);
            }
            foreach (var pair in live)
            {
                await pair.HangUpAsync(cluster, Bound);
            }
            await MediaNodeLossTests.AssertCleanAsync(cluster, cluster[2], cluster[2], sessions);
            foreach (var media in new[] { cluster[4], cluster[5] })
            {
                await cluster.WaitUntilAsync(
                    async () => await media.SampleAsync("callcluster_media_rtp_ports_allocated") == 0,
                    Bound,
                    $"no RTP port left allocated on node {media.Number}");
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

    /// <summary>kill -9 of media node <paramref name="victim"/>; every call heard again; then the node restarted.</summary>
    private async Task MediaKillAsync(LocalCluster cluster, List<CallPair> live, IReadOnlyList<HomeCall> homes, int victim)
    {
        var fault = $"media-node-kill (node {victim})";
        var watch = new MediaGapWatch(Phones(live, homes), cluster.Kill(victim), Bound * 3);
        await using (watch)
        {
            var figures = await AfterFaultAsync(cluster, live, homes, watch, fault);
            await EndSomeAsync(cluster, live, figures);
        }

        var restartAt = DateTimeOffset.UtcNow;
        await cluster.RestartAsync(victim);
        new Figures(output, fault).Add("restart to ready and Up", DateTimeOffset.UtcNow - restartAt);
    }

    /// <summary>
    /// Isolates session node <paramref name="victim"/>: the majority removes it, it downs itself and
    /// exits, its sessions answer on the other session node and every call is heard again; then the
    /// partition heals and, when asked, the node restarts.
    /// </summary>
    private async Task PartitionAsync(LocalCluster cluster, List<CallPair> live, IReadOnlyList<HomeCall> homes, int victim, bool restart)
    {
        var fault = $"partition (session node {victim})";
        var node = cluster[victim];
        var survivor = cluster[victim == 2 ? 3 : 2];
        var moved = await node.LocalSessionsAsync() ?? throw new InvalidOperationException($"node {victim} did not list its sessions");
        cluster.ExpectExit(victim);
        var partition = await Partition.IsolateAsync(node, cluster.Nodes.Where(n => n != node && n.IsRunning));
        await using (partition)
        {
            var watch = new MediaGapWatch(Phones(live, homes), partition.At, Bound * 3);
            await using (watch)
            {
                DateTimeOffset? firstAnswer = null;
                foreach (var id in moved)
                {
                    await cluster.WaitUntilAsync(async () => await survivor.SessionAnswersAsync(id), Bound, $"session {id} answers on node {survivor.Number}");
                    firstAnswer ??= DateTimeOffset.UtcNow;
                }
                var figures = await AfterFaultAsync(cluster, live, homes, watch, fault);
                figures.Add("isolation to it marked unreachable", cluster.FirstLine(partition.At, l => ClusterLog.IsUnreachable(l, node.Address)) - partition.At);
                figures.Add("isolation to the first downing decision (either side)", cluster.FirstLine(partition.At, l => ClusterLog.IsDowned(l, node.Address)) - partition.At);
                figures.Add("isolation to its removal by the majority", cluster.RemovedAt(victim) - partition.At);
                figures.Add($"isolation to the first of {moved.Count} moved sessions answering again (polled)", firstAnswer - partition.At);
                await cluster.WaitUntilAsync(() => Task.FromResult(!node.IsRunning), Bound, $"isolated node {victim} downs itself and exits");
                Assert.Contains(node.Process.Lines, l => ClusterLog.IsDowned(l.Line, node.Address));
                await EndSomeAsync(cluster, live, figures);
            }
        }

        if (restart)
        {
            var restartAt = DateTimeOffset.UtcNow;
            await cluster.RestartAsync(victim);
            new Figures(output, fault).Add("partition healed: restart to ready and Up", DateTimeOffset.UtcNow - restartAt);
        }
    }

    /// <summary>Every terminal receives fresh RTP and hears exactly its call's other parties; the figures of the fault.</summary>
    private async Task<Figures> AfterFaultAsync(LocalCluster cluster, List<CallPair> live, IReadOnlyList<HomeCall> homes, MediaGapWatch watch, string fault)
    {
        foreach (var pair in live)
        {
            await pair.WaitUntilAsync(cluster, () => watch.ReceivedSince(pair.Caller) > 60 && watch.ReceivedSince(pair.Callee) > 60, Bound, $"receive RTP again after {fault}");
            await pair.WaitUntilAsync(cluster, pair.HearEachOther, Bound, $"hear each other's tone after {fault}");
        }
        foreach (var home in homes)
        {
            await home.WaitUntilAsync(cluster, () => home.Phones.All(p => watch.ReceivedSince(p) > 60), Bound, $"receive RTP again after {fault}");
            await home.WaitUntilAsync(cluster, home.HearEachOther, Bound, $"each hears exactly the others after {fault}");
        }
        var allHeard = DateTimeOffset.UtcNow;

        var figures = new Figures(output, fault);
        figures.AddDistribution("media gap (longest RTP silence per plain call)", live.Select(p => Figures.Max(watch.Gap(p.Caller), watch.Gap(p.Callee))).ToList());
        figures.AddDistribution("media gap (household terminals)", homes.SelectMany(h => h.Phones).Select(watch.Gap).ToList());
        figures.AddDistribution("re-INVITE answered (calls re-anchored)", live.Select(p => Figures.Min(watch.FirstReinviteAnswered(p.Caller), watch.FirstReinviteAnswered(p.Callee))).Where(t => t is not null).ToList());
        figures.Add("fault to every call heard again on fresh packets (polled)", allHeard - watch.FaultAt);
        return figures;
    }

    /// <summary>Two plain calls end with BYE on both sides: in-dialog requests are answered again.</summary>
    private static async Task EndSomeAsync(LocalCluster cluster, List<CallPair> live, Figures figures)
    {
        var byeAt = DateTimeOffset.UtcNow;
        foreach (var pair in live.Take(EndedPerFault).ToList())
        {
            await pair.HangUpAsync(cluster, Bound);
            live.Remove(pair);
        }
        figures.Add($"{EndedPerFault} BYEs relayed to the callees (polled)", DateTimeOffset.UtcNow - byeAt);
    }

    private static List<Phone> Phones(List<CallPair> live, IReadOnlyList<HomeCall> homes) =>
        live.SelectMany(p => p.Phones).Concat(homes.SelectMany(h => h.Phones)).ToList();
}
