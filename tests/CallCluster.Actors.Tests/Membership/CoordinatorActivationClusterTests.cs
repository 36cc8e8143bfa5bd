using System.Collections.Concurrent;
using Akka.Actor;
using CallCluster.Actors.Hosting;
using CallCluster.Actors.Membership;
using CallCluster.Actors.Sessions;
using CallCluster.Actors.Tests.Cluster;
using CallCluster.Actors.Tests.Support;
using Xunit.Abstractions;
using static CallCluster.Actors.Sessions.SessionReplies;
using static CallCluster.Actors.Tests.Cluster.ClusterHelpers;

namespace CallCluster.Actors.Tests.Membership;

/// <summary>
/// Three ActorSystems whose scheduler never delivers the shard coordinator's end-of-wait message
/// (<see cref="NoCoordinatorWaitScheduler"/>). When the oldest member, which runs the
/// coordinators, crashes, the coordinator that starts on the next oldest stays in its initial wait,
/// and the crashed member's remembered sessions stay down, until <see cref="CoordinatorActivation"/>
/// runs on the survivors; then they restart there.
/// </summary>
public sealed class CoordinatorActivationClusterTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Ask = TimeSpan.FromSeconds(10);

    [Fact]
    public void The_coordinator_message_exists_in_this_version_of_sharding()
    {
        var message = CoordinatorInitialisation.Message;

        Assert.NotNull(message);
        Assert.Equal("Akka.Cluster.Sharding.ShardCoordinator+StateInitialized", message.GetType().FullName);
        Assert.Equal("/system/sharding/mobile-callsCoordinator/singleton/coordinator", CoordinatorInitialisation.PathOf(CallClusterHosting.MobileCallsTypeName));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_moved_coordinator_answers_only_once_activated()
    {
        var sip = new ConcurrentQueue<object>();
        await using var cluster = await ThreeNodeCluster.StartAsync(
            _ => new CallClusterParts { GatewayOutbox = (system, _) => system.ActorOf(EffectCollector.Props(sip), "test-outbox") },
            new NodeOptions(NoCoordinatorWaitScheduler.Hocon));
        var nodes = cluster.Nodes;
        var ids = Enumerable.Range(0, 30).Select(i => new SessionId($"call-{i}")).ToArray();
        await EstablishedCalls.StartAsync(nodes[0].Registry.Get<SessionRegion>(), sip, ids);

        var moved = await HostedEntities(nodes[0].Registry.Get<SessionRegion>());
        Assert.NotEmpty(moved);
        var survivors = nodes.Skip(1).ToArray();
        foreach (var node in survivors)
        {
            await StopActivation(node);
        }

        nodes[0].Crash();
        await Eventually(() => Task.FromResult(survivors.All(n => n.Cluster.State.Members.Count == 2)), TimeSpan.FromSeconds(20), "the crashed oldest member removed");
        await Task.Delay(TimeSpan.FromSeconds(5));
        var running = await Running(survivors);
        Assert.False(moved.All(running.Contains), "the crashed member's sessions restarted without activation: the scheduler let the coordinator's wait end");
        output.WriteLine($"{moved.Count} sessions of the crashed member; {moved.Count(running.Contains)} running 5 s after its removal without activation");

        foreach (var node in survivors)
        {
            node.System.ActorOf(CoordinatorActivation.Props(CallClusterHosting.LocalShardTypes(node.Settings)), "coordinator-activation-again");
        }

        await Eventually(
            async () => moved.All((await Running(survivors)).Contains),
            TimeSpan.FromSeconds(30),
            "the crashed member's sessions running on the survivors once the coordinator was activated");
        foreach (var id in moved)
        {
            var view = Assert.IsType<SessionView>(await survivors[0].Registry.Get<SessionRegion>().Ask<ISessionReply>(new SessionQueries.GetSession(new SessionId(id)), Ask));
            Assert.Equal(SessionPhase.Established, view.Phase);
        }
    }

    private static async Task StopActivation(ClusterNode node)
    {
        var activation = await node.System.ActorSelection("/user/coordinator-activation").ResolveOne(Ask);
        await activation.GracefulStop(Ask);
    }

    private static async Task<HashSet<string>> Running(IEnumerable<ClusterNode> nodes)
    {
        var running = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            running.UnionWith(await HostedEntities(node.Registry.Get<SessionRegion>()));
        }

        return running;
    }
}
