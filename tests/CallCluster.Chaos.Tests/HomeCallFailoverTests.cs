using System.Net;
using CallCluster.Chaos.Tests.Calls;
using CallCluster.Chaos.Tests.Cluster;
using Xunit.Abstractions;

namespace CallCluster.Chaos.Tests;

/// <summary>
/// Household video calls through a fault: node 1 gateway, nodes 2 and 3 session and media. Home
/// call 1 is in the three-party phase, home call 2 bridged (its mobile left), plus two plain
/// calls. kill -9 of the node hosting home call 1's session: the sessions restart on the other
/// node, calls anchored on the lost media re-anchor, and every terminal hears exactly whom it
/// should again. Then home call 1's mobile leaves (mix to bridge after the failover), everything
/// ends with BYE, and each session has one CDR, no session runs and no RTP port stays allocated.
/// </summary>
public sealed class HomeCallFailoverTests(ITestOutputHelper output)
{
    private const int PlainPairs = 2;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    // On the detector's 20 Hz grid, far from each other and from CallPair's tones (340, 380, 1200, 1240).
    private static readonly double[] HomeTones = [460, 560, 660, 760, 900, 1000];

    [Fact]
    public async Task Kill_9_of_the_node_hosting_a_three_party_home_call_keeps_both_home_calls_and_the_plain_calls_up_and_the_mobile_can_still_leave()
    {
        await using var cluster = await LocalCluster.StartAsync(3, "gateway;session,media");
        var provisioner = cluster[2];
        await CallPair.ProvisionAsync(provisioner, PlainPairs);
        await HomeCall.ProvisionAsync(provisioner, 1);
        await HomeCall.ProvisionAsync(provisioner, 2);
        var phones = new List<Phone>();
        try
        {
            var sip = new IPEndPoint(IPAddress.Loopback, cluster[1].SipPort);
            var threeParty = await HomeCall.ConnectAsync(cluster, sip, 1, HomeTones[..3], phones, Bound);
            var bridged = await HomeCall.ConnectAsync(cluster, sip, 2, HomeTones[3..], phones, Bound);
            await bridged.LeaveAsync(cluster, Bound);
            var plain = await CallPair.ConnectAsync(cluster, sip, PlainPairs, phones, Bound, video: false);

            var sessionNodes = new[] { cluster[2], cluster[3] };
            var hosted = new Dictionary<string, ClusterNode>();
            foreach (var node in sessionNodes)
            {
                foreach (var id in await node.LocalSessionsAsync() ?? throw new InvalidOperationException($"node {node.Number} did not list its sessions"))
                {
                    hosted[id] = node;
                }
            }
            Assert.Equal(2 + PlainPairs, hosted.Count);
            var kinds = new Dictionary<string, (string Kind, string Phase)>();
            foreach (var (id, node) in hosted)
            {
                kinds[id] = await node.SessionKindAsync(id) ?? throw new InvalidOperationException($"session {id} did not answer");
            }
            var homeIds = kinds.Where(k => k.Value.Kind == "home").Select(k => k.Key).ToList();
            Assert.Equal(2, homeIds.Count);
            var threePartyId = Assert.Single(kinds, k => k.Value.Kind == "home" && k.Value.Phase != "bridged").Key;
            Assert.Single(kinds, k => k.Value is { Kind: "home", Phase: "bridged" });
            var victim = hosted[threePartyId];
            var survivor = sessionNodes.Single(n => n != victim);
            var moved = hosted.Where(h => h.Value == victim).Select(h => h.Key).ToList();
            var received = phones.ToDictionary(p => p, HomeCall.Received);

            var killedAt = cluster.Kill(victim.Number);
            await using var watch = new MediaGapWatch(phones, killedAt, Bound * 2);

            DateTimeOffset? firstAnswer = null;
            foreach (var id in moved)
            {
                await cluster.WaitUntilAsync(async () => await survivor.SessionAnswersAsync(id), Bound, $"session {id} answers on node {survivor.Number}");
                firstAnswer ??= DateTimeOffset.UtcNow;
            }
            var allAnswered = DateTimeOffset.UtcNow;
            foreach (var phone in threeParty.Phones.Concat(bridged.Phones).Concat(plain.SelectMany(p => p.Phones)))
            {
                try
                {
                    await cluster.WaitUntilAsync(() => Task.FromResult(HomeCall.Received(phone) > received[phone] + 60), Bound, $"{phone.User} receives RTP after the kill");
                }
                catch (TimeoutException e)
                {
                    throw new TimeoutException($"{CallPair.Describe(phone)}\n{e.Message}", e);
                }
            }
            await threeParty.WaitUntilAsync(cluster, threeParty.HearEachOther, Bound, "three-party again after the kill");
            var threePartyBack = DateTimeOffset.UtcNow;
            await bridged.WaitUntilAsync(cluster, bridged.HearEachOther, Bound, "bridged again after the kill");
            foreach (var pair in plain)
            {
                await pair.WaitUntilAsync(cluster, pair.HearEachOther, Bound, "hear each other's tone after the kill");
            }
            Assert.Equal("three-party", (await survivor.SessionKindAsync(threePartyId))?.Phase);

            await threeParty.LeaveAsync(cluster, Bound);
            Assert.Equal("bridged", (await survivor.SessionKindAsync(threePartyId))?.Phase);

            var figures = new Figures(output, "home-call node kill");
            figures.Add($"kill -9 of node {victim.Number} ({moved.Count} of {hosted.Count} sessions) to the first moved session answering again (polled)", firstAnswer - killedAt);
            figures.Add("kill to every moved session answering again (polled)", allAnswered - killedAt);
            figures.Add("kill to the three-party call heard by all three again (polled)", threePartyBack - killedAt);
            figures.AddDistribution("media gap (every terminal)", phones.Select(watch.Gap).ToList());

            await threeParty.EndAsync(cluster, Bound);
            await bridged.EndAsync(cluster, Bound);
            foreach (var pair in plain)
            {
                await pair.HangUpAsync(cluster, Bound);
            }
            await MediaNodeLossTests.AssertCleanAsync(cluster, survivor, survivor, [.. hosted.Keys]);
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
