using System.Net;
using CallCluster.Chaos.Tests.Calls;
using CallCluster.Chaos.Tests.Cluster;

namespace CallCluster.Chaos.Tests;

/// <summary>
/// Node 1 gateway and session, nodes 2, 3 and 4 media only; node 4 is stopped before the calls
/// and joins again while they are up. The media role's router places a session's first endpoints
/// by hashing over the media members, and a joining member moves that hashing: the calls must go
/// on, and hanging up must release every endpoint on the node that holds it at once (a command
/// sent to the wrong node would leave its ports to the 30 s dead-media sweep).
/// </summary>
public sealed class MediaNodeJoinTests
{
    private const int Pairs = 6;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    /// <summary>Well under the 30 s after which a silent endpoint whose session has ended is released anyway.</summary>
    private static readonly TimeSpan ReleaseBound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_media_node_joining_while_calls_are_up_splits_none_and_hanging_up_releases_every_port()
    {
        await using var cluster = await LocalCluster.StartAsync(4, "gateway,session;media");
        var signalling = cluster[1];
        await CallPair.ProvisionAsync(signalling, Pairs);
        Assert.NotNull(await cluster.TerminateAsync(4, Bound));
        var phones = new List<Phone>();
        try
        {
            var sip = new IPEndPoint(IPAddress.Loopback, signalling.SipPort);
            var pairs = await CallPair.ConnectAsync(cluster, sip, Pairs, phones, Bound, video: false);
            var sessions = await signalling.LocalSessionsAsync() ?? throw new InvalidOperationException("node 1 did not list its sessions");
            var mediaNodes = cluster.Nodes.Skip(1).ToList();
            Assert.All(pairs, p => Assert.Contains(Figures.MediaNodeOf(p.Caller.Audio()?.Remote, mediaNodes)?.Number, new int?[] { 2, 3 }));

            await cluster.RestartAsync(4);
            foreach (var pair in pairs)
            {
                await pair.WaitUntilAsync(cluster, () => pair.HearEachOther(), Bound, "still hear each other's tone after node 4 joined");
            }

            foreach (var pair in pairs)
            {
                await pair.HangUpAsync(cluster, Bound);
            }
            foreach (var node in mediaNodes)
            {
                await cluster.WaitUntilAsync(
                    async () => await node.SampleAsync("callcluster_media_rtp_ports_allocated") == 0,
                    ReleaseBound,
                    $"no RTP port left allocated on node {node.Number} soon after the hang-ups");
            }
            await MediaNodeLossTests.AssertCleanAsync(cluster, signalling, signalling, sessions);
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
