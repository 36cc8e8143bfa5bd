using System.Net;
using CallCluster.Chaos.Tests.Calls;
using CallCluster.Chaos.Tests.Cluster;
using Xunit.Abstractions;

namespace CallCluster.Chaos.Tests;

/// <summary>
/// Node 1 gateway, nodes 2 and 3 session and media, each under its own user id. A network
/// partition (iptables on the cluster port) isolates the session node hosting the most calls:
/// the split brain resolver downs it on the majority's side and it downs itself (keep-majority)
/// and exits; its sessions restart on the other node, calls anchored on its media re-anchor, the
/// terminals hear each other again, and every call ends cleanly with one CDR.
/// </summary>
public sealed class PartitionTests(ITestOutputHelper output)
{
    private const int Pairs = 6;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_partition_isolating_one_node_of_three_makes_that_node_down_itself_and_its_calls_go_on_elsewhere()
    {
        await using var cluster = await LocalCluster.StartAsync(3, "gateway;session,media", ownUsers: true);
        var gateway = cluster[1];
        await CallPair.ProvisionAsync(cluster[2], Pairs);
        var phones = new List<Phone>();
        try
        {
            var sip = new IPEndPoint(IPAddress.Loopback, gateway.SipPort);
            var pairs = await CallPair.ConnectAsync(cluster, sip, Pairs, phones, Bound);
            var hosted = new Dictionary<int, IReadOnlyList<string>>();
            foreach (var node in new[] { cluster[2], cluster[3] })
            {
                hosted[node.Number] = await node.LocalSessionsAsync() ?? throw new InvalidOperationException($"node {node.Number} did not list its sessions");
            }
            var sessions = hosted.Values.SelectMany(s => s).ToList();
            Assert.Equal(Pairs, sessions.Count);
            var victim = cluster[hosted.MaxBy(h => h.Value.Count).Key];
            var survivor = cluster[victim.Number == 2 ? 3 : 2];
            var moved = hosted[victim.Number];
            var mediaNodes = new[] { cluster[2], cluster[3] };
            var anchoredOnVictim = pairs.Where(p => Figures.MediaNodeOf(p.Caller.Audio()?.Remote, mediaNodes) == victim).ToList();

            cluster.ExpectExit(victim.Number);
            await using var partition = await Partition.IsolateAsync(victim, cluster.Nodes.Where(n => n != victim));
            var cutAt = partition.At;
            await using var watch = new MediaGapWatch(phones, cutAt, Bound * 2);

            await cluster.WaitUntilAsync(() => Task.FromResult(!cluster.Members().Contains(victim.Address)), Bound, $"the majority removes node {victim.Number}");
            Assert.Equal(new[] { gateway.Address, survivor.Address }.ToHashSet(), cluster.Members());

            // Sessions first: the isolated node may still be relaying media for calls that are moving
            // away from it (its media drain) when they already answer on the survivor.
            DateTimeOffset? firstAnswer = null;
            foreach (var id in moved)
            {
                await cluster.WaitUntilAsync(async () => await survivor.SessionAnswersAsync(id), Bound, $"session {id} answers on node {survivor.Number}");
                firstAnswer ??= DateTimeOffset.UtcNow;
            }
            var allAnswered = DateTimeOffset.UtcNow;

            await cluster.WaitUntilAsync(() => Task.FromResult(!victim.IsRunning), Bound, $"isolated node {victim.Number} downs itself and exits");
            var exitedAt = DateTimeOffset.UtcNow;
            // The isolated node's own resolver downed it (it was not merely killed from outside).
            Assert.Contains(victim.Process.Lines, l => ClusterLog.IsDowned(l.Line, victim.Address));
            foreach (var phone in anchoredOnVictim.SelectMany(p => p.Phones))
            {
                await cluster.WaitUntilAsync(
                    () => Task.FromResult(Figures.MediaNodeOf(phone.Audio()?.Remote, mediaNodes) == survivor),
                    Bound,
                    $"{phone.User} is re-INVITEd to the media of node {survivor.Number}");
            }
            foreach (var phone in phones)
            {
                await cluster.WaitUntilAsync(() => Task.FromResult(watch.ReceivedSince(phone) > 60), Bound, $"{phone.User} receives RTP after the partition");
            }
            foreach (var pair in pairs)
            {
                await cluster.WaitUntilAsync(() => Task.FromResult(pair.HearEachOther()), Bound, $"{pair.Caller.User} and {pair.Callee.User} hear each other's tone after the partition");
            }

            var figures = new Figures(output, "partition");
            figures.Add($"isolation of node {victim.Number} ({moved.Count} of {Pairs} sessions, media of {anchoredOnVictim.Count} calls) to it marked unreachable",
                cluster.FirstLine(cutAt, l => ClusterLog.IsUnreachable(l, victim.Address)) - cutAt);
            figures.Add("isolation to the majority's downing decision", cluster.FirstLine(cutAt, l => ClusterLog.IsDowned(l, victim.Address)) - cutAt);
            figures.Add("isolation to the isolated node's exit (it downed itself, then drained its media; polled)", exitedAt - cutAt);
            figures.Add("isolation to its removal by the majority", cluster.RemovedAt(victim.Number) - cutAt);
            figures.Add("isolation to the first moved session answering again (polled)", firstAnswer - cutAt);
            figures.Add("isolation to every moved session answering again (polled)", allAnswered - cutAt);
            figures.AddDistribution("media gap (calls anchored on the isolated node)", anchoredOnVictim.Select(p => Figures.Max(watch.Gap(p.Caller), watch.Gap(p.Callee))).ToList());
            figures.AddDistribution("media gap (calls anchored on the other node)", pairs.Except(anchoredOnVictim).Select(p => Figures.Max(watch.Gap(p.Caller), watch.Gap(p.Callee))).ToList());
            figures.AddDistribution("first in-dialog transaction (re-INVITE) answered", anchoredOnVictim.Select(p => Figures.Min(watch.FirstReinviteAnswered(p.Caller), watch.FirstReinviteAnswered(p.Callee))).ToList());

            foreach (var pair in pairs)
            {
                await pair.HangUpAsync(cluster, Bound);
            }
            await MediaNodeLossTests.AssertCleanAsync(cluster, survivor, survivor, sessions);
            await cluster.WaitUntilAsync(
                async () => await survivor.SampleAsync("callcluster_media_rtp_ports_allocated") == 0,
                Bound,
                $"no RTP port left allocated on node {survivor.Number}");
        }
        finally
        {
            foreach (var phone in phones)
            {
                await phone.DisposeAsync();
            }
        }
    }


}
