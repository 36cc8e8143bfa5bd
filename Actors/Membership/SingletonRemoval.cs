using System.Reflection;
using Akka.Cluster;

namespace CallCluster.Actors.Membership;

/// <summary>
/// The message a cluster singleton manager sends itself once the removal margin after a member's
/// removal has passed (see <see cref="CrashRemoval"/>). It is internal to Akka.Cluster.Tools, so it
/// is found by name; a version without it leaves <see cref="Available"/> false, which a test
/// catches before such a version ships.
/// </summary>
public static class SingletonRemoval
{
    private static readonly ConstructorInfo? Constructor = Find();

    /// <summary>Whether this version of Akka.Cluster.Tools has the message.</summary>
    public static bool Available => Constructor is not null;

    /// <summary>The local path of the singleton manager of shard type <paramref name="typeName"/>'s coordinator.</summary>
    public static string CoordinatorManagerPath(string typeName) =>
        $"/system/sharding/{Uri.EscapeDataString(typeName)}Coordinator";

    /// <summary>The message that tells a singleton manager the margin after <paramref name="member"/>'s removal is over.</summary>
    public static object? For(Member member) => Constructor?.Invoke([member]);

    private static ConstructorInfo? Find() =>
        typeof(Akka.Cluster.Tools.Singleton.ClusterSingletonManager).Assembly
            .GetType("Akka.Cluster.Tools.Singleton.DelayedMemberRemoved")?
            .GetConstructor(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, [typeof(Member)]);
}
