using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;

namespace CallCluster.Actors.Tests.Cluster;

internal static class ClusterHelpers
{
    /// <summary>Polls <paramref name="condition"/> every 100 ms until it holds or <paramref name="within"/> passes.</summary>
    public static async Task Eventually(Func<Task<bool>> condition, TimeSpan within, string what)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"timed out after {within.TotalSeconds:0} s waiting for {what}");
    }

    public static Task<bool> AllUp(IEnumerable<ClusterNode> nodes, int count) =>
        Task.FromResult(nodes.All(n => n.Cluster.State.Members.Count(m => m.Status == MemberStatus.Up) == count));

    /// <summary>The entity ids this node's region hosts now.</summary>
    public static async Task<IReadOnlySet<string>> HostedEntities(IActorRef region)
    {
        var state = await region.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, TimeSpan.FromSeconds(5));
        return state.Shards.SelectMany(s => s.EntityIds).ToHashSet(StringComparer.Ordinal);
    }
}
