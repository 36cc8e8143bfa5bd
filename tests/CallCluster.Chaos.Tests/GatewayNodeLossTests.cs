using System.Net;
using CallCluster.Chaos.Tests.Calls;
using CallCluster.Chaos.Tests.Cluster;
using Xunit.Abstractions;

namespace CallCluster.Chaos.Tests;

/// <summary>
/// Nodes 1 and 2 gateway only, both bound to one SIP port with SO_REUSEPORT (Sip:ReusePort), as
/// gateway pods behind one Service; node 3 session and media. Four plain calls and two household
/// calls, one in the three-party phase and one bridged (its mobile left). kill -9 of gateway node
/// 1: the kernel hands its flows to node 2, the calls keep their media (anchored on node 3), the
/// three-party call's mobile leaves through node 2 (TV and remote stay connected, bridged), and
/// the BYEs are answered by node 2. Each session has one CDR and none is left running.
/// </summary>
public sealed class GatewayNodeLossTests(ITestOutputHelper output)
{
    private const int Pairs = 4;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    // On the detector's 20 Hz grid, apart from the plain calls' tones (340-460 and 1200-1320 Hz).
    private static readonly double[] ThreePartyTones = [560, 660, 760];
    private static readonly double[] BridgedTones = [860, 960, 1060];

    [Fact]
    public async Task Kill_9_of_a_gateway_node_sharing_the_sip_port_keeps_plain_and_household_calls_up_and_the_other_gateway_answers_the_byes()
    {
        await using var cluster = await LocalCluster.StartAsync(3, "gateway;gateway;session,media", sharedSip: true);
        var sessionNode = cluster[3];
        await CallPair.ProvisionAsync(sessionNode, Pairs);
        await HomeCall.ProvisionAsync(sessionNode, 1);
        await HomeCall.ProvisionAsync(sessionNode, 2);
        var phones = new List<Phone>();
        try
        {
            var sip = new IPEndPoint(IPAddress.Loopback, sessionNode.SipPort);
            var threeParty = await HomeCall.ConnectAsync(cluster, sip, 1, ThreePartyTones, phones, Bound);
            var bridged = await HomeCall.ConnectAsync(cluster, sip, 2, BridgedTones, phones, Bound);
            await bridged.LeaveAsync(cluster, Bound);
            var homePhones = threeParty.Phones.Concat(bridged.Phones).ToList();
            var pairs = await CallPair.ConnectAsync(cluster, sip, Pairs, phones, Bound);
            var sessions = await sessionNode.LocalSessionsAsync() ?? throw new InvalidOperationException("node 3 did not list its sessions");
            Assert.Equal(Pairs + 2, sessions.Count);
            var survivor = cluster[2];
            // Until the household calls end, the only requests node 2 answers 200 are BYEs.
            var byeAnswered = Metrics.SipResponsesOut(200);
            var before = await survivor.SampleAsync(byeAnswered) ?? throw new InvalidOperationException("node 2 did not answer /metrics");

            var killedAt = cluster.Kill(1);
            await using var watch = new MediaGapWatch(phones, killedAt, Bound * 2);
            // Hung up at once: the session's BYE to the callee may go to node 1's outbox before node 3
            // finds node 1 gone (downed for refusing connections, or unreachable); unacknowledged, it
            // is re-sent to node 2 then. The caller's
            // BYE reaches node 2 through the shared port.
            await pairs[0].HangUpAsync(cluster, Bound);
            await cluster.WaitUntilAsync(async () => await survivor.SampleAsync(byeAnswered) >= before + 1, Bound, "gateway node 2 answers the first BYE with 200");
            var firstAnswered = DateTimeOffset.UtcNow;
            await cluster.WaitUntilAsync(
                () => Task.FromResult(cluster.FirstLine(killedAt, l => ClusterLog.IsLost(l, cluster[1].Address)) is not null),
                Bound,
                "node 1 downed or marked unreachable");
            var lostAt = cluster.FirstLine(killedAt, l => ClusterLog.IsLost(l, cluster[1].Address));
            // Past the failure detector and the split brain resolver: node 1 is removed, the calls went on meanwhile.
            await cluster.WaitUntilAsync(() => Task.FromResult(!cluster.Members().Contains(cluster[1].Address)), Bound, "node 1 removed");
            foreach (var phone in pairs.Skip(1).SelectMany(p => p.Phones))
            {
                await cluster.WaitUntilAsync(() => Task.FromResult(watch.ReceivedSince(phone) > 60), Bound, $"{phone.User} receives RTP after the kill");
            }
            foreach (var pair in pairs.Skip(1))
            {
                await cluster.WaitUntilAsync(() => Task.FromResult(pair.HearEachOther()), Bound, $"{pair.Caller.User} and {pair.Callee.User} hear each other's tone after the kill");
            }

            foreach (var home in new[] { threeParty, bridged })
            {
                await home.WaitUntilAsync(cluster, () => home.Phones.All(p => watch.ReceivedSince(p) > 60), Bound, "receive RTP after the kill");
                await home.WaitUntilAsync(cluster, home.HearEachOther, Bound, "each hears exactly the others after the kill");
            }
            // The mobile's BYE reaches node 2 (node 1 is gone); the session ends its other call and bridges TV and remote.
            var beforeLeave = await survivor.SampleAsync(byeAnswered) ?? throw new InvalidOperationException("node 2 did not answer /metrics");
            await threeParty.LeaveAsync(cluster, Bound);
            Assert.True(await survivor.SampleAsync(byeAnswered) >= beforeLeave + 1, "gateway node 2 answers the mobile's BYE with 200");

            var beforeRest = await survivor.SampleAsync(byeAnswered) ?? throw new InvalidOperationException("node 2 did not answer /metrics");
            var byesAt = DateTimeOffset.UtcNow;
            foreach (var pair in pairs.Skip(1))
            {
                await pair.HangUpAsync(cluster, Bound);
            }
            await cluster.WaitUntilAsync(
                async () => await survivor.SampleAsync(byeAnswered) >= beforeRest + Pairs - 1,
                Bound,
                $"gateway node 2 answers the other {Pairs - 1} BYEs with 200");
            var answeredAt = DateTimeOffset.UtcNow;
            await threeParty.EndAsync(cluster, Bound);
            await bridged.EndAsync(cluster, Bound);

            var figures = new Figures(output, "gateway-node-kill");
            figures.AddDistribution("media gap (longest RTP silence per call after the kill)", pairs.Skip(1).Select(p => Figures.Max(watch.Gap(p.Caller), watch.Gap(p.Callee))).ToList());
            figures.AddDistribution("media gap (household terminals)", homePhones.Select(watch.Gap).ToList());
            figures.Add("kill to node downed or marked unreachable", lostAt - killedAt);
            figures.Add("kill to the first in-dialog transaction (BYE) answered 200 by the other gateway (polled)", firstAnswered - killedAt);
            figures.Add("kill to removal of the node", cluster.RemovedAt(1) - killedAt);
            figures.Add($"BYEs sent once removed to all {Pairs - 1} answered 200 by the other gateway (polled)", answeredAt - byesAt);
            await MediaNodeLossTests.AssertCleanAsync(cluster, sessionNode, sessionNode, sessions);
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
