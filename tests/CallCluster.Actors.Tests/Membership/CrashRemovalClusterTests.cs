using Akka.Actor;
using CallCluster.Actors.Hosting;
using CallCluster.Actors.Membership;
using CallCluster.Actors.Tests.Cluster;
using Xunit.Abstractions;
using static CallCluster.Actors.Tests.Cluster.ClusterHelpers;

namespace CallCluster.Actors.Tests.Membership;

/// <summary>
/// Three ActorSystems with a removal margin of 20 s. When the oldest member, which runs the shard
/// coordinators and the directory singleton, crashes, its removal is followed by the singletons
/// starting on the next oldest at once (its cluster port refuses connections, so nothing of it
/// runs); with crash handling off, they still wait out the margin after the removal.
/// </summary>
public sealed class CrashRemovalClusterTests(ITestOutputHelper output)
{
    private const string LongMargin = """
        akka.cluster.down-removal-margin = 20s
        akka.cluster.failure-detector.acceptable-heartbeat-pause = 2s
        akka.cluster.split-brain-resolver.stable-after = 2s
        """;

    private static readonly TimeSpan WellWithinMargin = TimeSpan.FromSeconds(8);

    [Fact]
    public void The_singleton_managers_removal_message_exists_in_this_version()
    {
        Assert.True(SingletonRemoval.Available);
        Assert.Equal("/system/sharding/sessionCoordinator", SingletonRemoval.CoordinatorManagerPath(CallClusterHosting.SessionTypeName));
    }

    [Fact(Timeout = 90_000)]
    public async Task The_singletons_of_a_crashed_oldest_member_start_on_the_next_oldest_without_waiting_out_the_removal_margin()
    {
        await using var cluster = await ThreeNodeCluster.StartAsync(options: new NodeOptions(LongMargin));
        var next = await CrashOldestAsync(cluster);

        await Eventually(
            async () => await RunsAsync(next, CoordinatorPath) && await RunsAsync(next, DirectoryPath),
            WellWithinMargin,
            "the session coordinator and the directory running on the next oldest member soon after the removal");
    }

    [Fact(Timeout = 90_000)]
    public async Task Without_crash_handling_the_singletons_wait_out_the_removal_margin()
    {
        await using var cluster = await ThreeNodeCluster.StartAsync(options: new NodeOptions(LongMargin, DownCrashedNodes: false));
        var next = await CrashOldestAsync(cluster);

        await Task.Delay(WellWithinMargin);
        Assert.False(await RunsAsync(next, CoordinatorPath), "the session coordinator started before the removal margin was over");
        Assert.False(await RunsAsync(next, DirectoryPath), "the directory started before the removal margin was over");
    }

    private static string CoordinatorPath => SingletonRemoval.CoordinatorManagerPath(CallClusterHosting.SessionTypeName) + "/singleton/coordinator";

    private static string DirectoryPath => $"/user/{CallClusterHosting.DirectorySingletonName}/{CallClusterHosting.DirectorySingletonName}";

    /// <summary>Crashes the oldest member (it runs the singletons) and returns the next oldest once both survivors saw the removal.</summary>
    private async Task<ClusterNode> CrashOldestAsync(ThreeNodeCluster cluster)
    {
        var byAge = cluster.Nodes.OrderBy(n => n.Cluster.SelfMember, Akka.Cluster.Member.AgeOrdering).ToArray();
        var oldest = byAge[0];
        await Eventually(() => RunsAsync(oldest, CoordinatorPath), TimeSpan.FromSeconds(20), "the session coordinator running on the oldest member");
        var survivors = byAge.Skip(1).ToArray();

        oldest.Crash();
        await Eventually(() => Task.FromResult(survivors.All(n => n.Cluster.State.Members.Count == 2)), TimeSpan.FromSeconds(30), "the crashed member removed");
        output.WriteLine($"{oldest.Address} crashed and removed; next oldest {byAge[1].Address}");
        return byAge[1];
    }

    private static async Task<bool> RunsAsync(ClusterNode node, string path)
    {
        try
        {
            await node.System.ActorSelection(path).ResolveOne(TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ActorNotFoundException)
        {
            return false;
        }
    }
}
