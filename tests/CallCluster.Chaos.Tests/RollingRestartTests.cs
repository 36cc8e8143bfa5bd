using System.Net;
using CallCluster.Chaos.Tests.Calls;
using CallCluster.Chaos.Tests.Cluster;
using Xunit.Abstractions;

namespace CallCluster.Chaos.Tests;

/// <summary>
/// A rolling restart with calls up: four nodes (1 and 2 gateway only on one shared SIP port, 3
/// and 4 session and media); each in turn gets SIGTERM, must exit within the time the Kubernetes
/// manifests allow after their preStop pause, and is started again before the next. After each
/// stop every call carries both tones again on fresh packets; no call is lost; at the end every
/// call ends with BYE on both sides and one CDR, and nothing is left allocated.
/// </summary>
public sealed class RollingRestartTests(ITestOutputHelper output)
{
    private const int Pairs = 8;

    /// <summary>k8s/base: terminationGracePeriodSeconds 45 minus the 5 s preStop sleep.</summary>
    private static readonly TimeSpan ExitBound = TimeSpan.FromSeconds(40);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Sigterm_of_every_node_in_turn_with_calls_up_loses_no_call_and_each_node_exits_within_the_grace_period()
    {
        await using var cluster = await LocalCluster.StartAsync(4, "gateway;gateway;session,media", sharedSip: true);
        await CallPair.ProvisionAsync(cluster[3], Pairs);
        var phones = new List<Phone>();
        try
        {
            var sip = new IPEndPoint(IPAddress.Loopback, cluster[1].SipPort);
            var pairs = await CallPair.ConnectAsync(cluster, sip, Pairs, phones, Bound, video: false);
            var sessions = (await cluster[3].LocalSessionsAsync() ?? []).Concat(await cluster[4].LocalSessionsAsync() ?? []).ToList();
            Assert.Equal(Pairs, sessions.Count);

            foreach (var node in cluster.Nodes)
            {
                var figures = new Figures(output, $"sigterm node {node.Number} ({node.Roles})");
                var stoppedAt = DateTimeOffset.UtcNow;
                await using var watch = new MediaGapWatch(phones, stoppedAt, Bound * 3);
                var exited = await cluster.TerminateAsync(node.Number, ExitBound);
                figures.Add("SIGTERM to exit", exited);
                Assert.True(exited is not null, $"node {node.Number} did not exit within {ExitBound.TotalSeconds:0} s of SIGTERM");
                // Counted from the exit, not the SIGTERM: a draining media node relays until it exits,
                // so only packets received after that show that every call really moved.
                var atExit = phones.ToDictionary(p => p, p => p.Audio()?.PacketsReceived ?? 0);
                long SinceExit(Phone phone) => (phone.Audio()?.PacketsReceived ?? 0) - atExit[phone];
                foreach (var pair in pairs)
                {
                    await pair.WaitUntilAsync(cluster, () => SinceExit(pair.Caller) > 60 && SinceExit(pair.Callee) > 60 && pair.HearEachOther(), Bound, $"hear each other on fresh packets after node {node.Number} exited");
                }
                figures.Add("SIGTERM to every call heard again on packets received after the exit (polled)", DateTimeOffset.UtcNow - stoppedAt);
                figures.AddDistribution("media gap (longest RTP silence per call)", pairs.Select(p => Figures.Max(watch.Gap(p.Caller), watch.Gap(p.Callee))).ToList());
                await cluster.RestartAsync(node.Number);
            }

            foreach (var pair in pairs)
            {
                await pair.HangUpAsync(cluster, Bound);
            }
            foreach (var node in new[] { cluster[3], cluster[4] })
            {
                await cluster.WaitUntilAsync(async () => await node.LocalSessionsAsync() is { Count: 0 }, Bound, $"no session left running on node {node.Number}");
                await cluster.WaitUntilAsync(
                    async () => await node.SampleAsync("callcluster_media_rtp_ports_allocated") == 0,
                    Bound,
                    $"no RTP port left allocated on node {node.Number}");
            }
            await MediaNodeLossTests.AssertCleanAsync(cluster, cluster[3], cluster[4], sessions);
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
