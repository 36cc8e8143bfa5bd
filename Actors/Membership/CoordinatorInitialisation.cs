using System.Reflection;
using Akka.Cluster.Sharding;

namespace CallCluster.Actors.Membership;

/// <summary>
/// Where a shard coordinator lives and the message that ends its initial wait
/// (see <see cref="CoordinatorActivation"/>). The message is internal to Akka.Cluster.Sharding,
/// so it is found by name; a version without it leaves <see cref="Message"/> null, which a test
/// catches before such a version ships.
/// </summary>
public static class CoordinatorInitialisation
{
    /// <summary>The coordinator's "state initialised" singleton, or null when this version has none.</summary>
    public static object? Message { get; } = Find();

    /// <summary>The local path of the coordinator of <paramref name="typeName"/> on the node running it.</summary>
    public static string PathOf(string typeName) =>
        $"/system/sharding/{Uri.EscapeDataString(typeName)}Coordinator/singleton/coordinator";

    private static object? Find() =>
        typeof(ClusterSharding).Assembly
            .GetType("Akka.Cluster.Sharding.ShardCoordinator+StateInitialized")?
            .GetField("Instance", BindingFlags.Public | BindingFlags.Static)?
            .GetValue(null);
}
