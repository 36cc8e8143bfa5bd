using System.Net;
using CallCluster.Chaos.Tests.Calls;
using CallCluster.Chaos.Tests.Cluster;
using Xunit.Abstractions;

namespace CallCluster.Chaos.Tests;

/// <summary>
/// Node 1 gateway and session, nodes 2 and 3 media only. Calls anchor their media on nodes 2
/// and 3 (consistent hashing by session id); kill -9 of the media node holding the most calls:
/// its sessions allocate endpoints on the survivor and re-INVITE both terminals, and the
/// terminals hear each other again. Then the killed node restarts and the other media node is
/// killed: every call re-anchors on the restarted node. Prints the media gap and the re-INVITE
/// answer time per call.
/// </summary>
public sealed class MediaNodeLossTests(ITestOutputHelper output)
{
    private const int Pairs = 4;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Kill_9_of_a_media_node_re_anchors_its_calls_on_the_other_media_node_and_the_terminals_hear_each_other_again()
    {
        await using var cluster = await LocalCluster.StartAsync(3, "gateway,session;media");
        var signalling = cluster[1];
        await CallPair.ProvisionAsync(signalling, Pairs);
        var phones = new List<Phone>();
        try
        {
            var sip = new IPEndPoint(IPAddress.Loopback, signalling.SipPort);
            var pairs = await CallPair.ConnectAsync(cluster, sip, Pairs, phones, Bound);
            var sessions = await signalling.LocalSessionsAsync() ?? throw new InvalidOperationException("node 1 did not list its sessions");
            Assert.Equal(Pairs, sessions.Count);

            var mediaNodes = cluster.Nodes.Skip(1).ToList();
            var anchoredOn = pairs.ToDictionary(p => p, p => Figures.MediaNodeOf(p.Caller.Audio()?.Remote, mediaNodes));
            Assert.All(pairs, p => Assert.NotNull(anchoredOn[p]));
            Assert.All(pairs, p => Assert.Equal(anchoredOn[p], Figures.MediaNodeOf(p.Callee.Audio()?.Remote, mediaNodes)));
            var victim = anchoredOn.Values.GroupBy(n => n!.Number).MaxBy(g => g.Count())!.Key;
            var survivor = mediaNodes.Single(n => n.Number != victim);
            var moved = pairs.Where(p => anchoredOn[p]!.Number == victim).ToList();

            var killedAt = cluster.Kill(victim);
            await using var watch = new MediaGapWatch(phones, killedAt, Bound * 2);

            foreach (var phone in moved.SelectMany(p => p.Phones))
            {
                await cluster.WaitUntilAsync(
                    () => Task.FromResult(Figures.MediaNodeOf(phone.Audio()?.Remote, mediaNodes) == survivor),
                    Bound,
                    $"{phone.User} is re-INVITEd to the media of node {survivor.Number}");
            }
            // 60 packets are more than the detector's recent windows (about 1 s): what it hears now came after the kill.
            foreach (var phone in phones)
            {
                await cluster.WaitUntilAsync(() => Task.FromResult(watch.ReceivedSince(phone) > 60), Bound, $"{phone.User} receives RTP after the kill");
            }
            foreach (var pair in pairs)
            {
                await cluster.WaitUntilAsync(() => Task.FromResult(pair.HearEachOther()), Bound, $"{pair.Caller.User} and {pair.Callee.User} hear each other's tone after the kill");
            }

            var figures = new Figures(output, "media-node-kill");
            foreach (var pair in moved)
            {
                var gap = Figures.Max(watch.Gap(pair.Caller), watch.Gap(pair.Callee));
                figures.Add($"call {pair.Caller.User} media gap", gap);
                figures.Add($"call {pair.Caller.User} kill to media back", Figures.Max(watch.Resumed(pair.Caller), watch.Resumed(pair.Callee)));
                figures.Add($"call {pair.Caller.User} re-INVITE answered", Figures.Max(watch.FirstReinviteAnswered(pair.Caller), watch.FirstReinviteAnswered(pair.Callee)));
            }
            figures.AddDistribution("media gap (moved calls)", moved.Select(p => Figures.Max(watch.Gap(p.Caller), watch.Gap(p.Callee))).ToList());
            figures.AddDistribution("media gap (calls on the surviving media node)", pairs.Except(moved).Select(p => Figures.Max(watch.Gap(p.Caller), watch.Gap(p.Callee))).ToList());
            figures.AddDistribution("first in-dialog transaction (re-INVITE) answered", moved.Select(p => Figures.Min(watch.FirstReinviteAnswered(p.Caller), watch.FirstReinviteAnswered(p.Callee))).ToList());

            // Again the other way: the killed node restarts (same address, new incarnation), then the
            // node now holding every call is killed; every call re-anchors on the restarted one.
            await cluster.RestartAsync(victim);
            var restarted = cluster[victim];
            var secondKillAt = cluster.Kill(survivor.Number);
            await using var second = new MediaGapWatch(phones, secondKillAt, Bound * 2);
            foreach (var phone in phones)
            {
                await cluster.WaitUntilAsync(
                    () => Task.FromResult(Figures.MediaNodeOf(phone.Audio()?.Remote, mediaNodes) == restarted),
                    Bound,
                    $"{phone.User} is re-INVITEd to the media of the restarted node {victim}");
                await cluster.WaitUntilAsync(() => Task.FromResult(second.ReceivedSince(phone) > 60), Bound, $"{phone.User} receives RTP after the second kill");
            }
            foreach (var pair in pairs)
            {
                await cluster.WaitUntilAsync(() => Task.FromResult(pair.HearEachOther()), Bound, $"{pair.Caller.User} and {pair.Callee.User} hear each other's tone after the second kill");
            }
            new Figures(output, "media-node-kill, then the other after the first restarted").AddDistribution(
                "media gap (every call)", pairs.Select(p => Figures.Max(second.Gap(p.Caller), second.Gap(p.Callee))).ToList());

            foreach (var pair in pairs)
            {
                await pair.HangUpAsync(cluster, Bound);
            }
            await AssertCleanAsync(cluster, signalling, restarted, sessions);
        }
        finally
        {
            foreach (var phone in phones)
            {
                await phone.DisposeAsync();
            }
        }
    }

    /// <summary>One CDR per session, no session left on <paramref name="sessionNode"/>.</summary>
    internal static async Task AssertCleanAsync(LocalCluster cluster, ClusterNode sessionNode, ClusterNode reader, IReadOnlyList<string> sessions)
    {
        foreach (var id in sessions)
        {
            await cluster.WaitUntilAsync(
                async () => await reader.CdrsAsync() is { } cdrs && cdrs.Any(c => c.Contains(id, StringComparison.Ordinal)),
                Bound,
                $"a CDR for session {id}");
        }
        var all = await reader.CdrsAsync();
        Assert.NotNull(all);
        foreach (var id in sessions)
        {
            Assert.Single(all, c => c.Contains(id, StringComparison.Ordinal));
        }
        await cluster.WaitUntilAsync(
            async () => await sessionNode.LocalSessionsAsync() is { Count: 0 },
            Bound,
            $"no session left running on node {sessionNode.Number}");
    }


}
