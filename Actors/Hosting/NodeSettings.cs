using System.Collections.Frozen;

namespace CallCluster.Actors.Hosting;

/// <summary>What one node of the cluster runs and how it reaches the others.</summary>
public sealed record NodeSettings
{
    public const string GatewayRole = "gateway";
    public const string SessionRole = "session";
    public const string MediaRole = "media";
    public const string DefaultSystemName = "callcluster";

    public static IReadOnlySet<string> AllRoles { get; } =
        new[] { GatewayRole, SessionRole, MediaRole }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Subset of <c>gateway</c>, <c>session</c>, <c>media</c>; default all three.</summary>
    public IReadOnlySet<string> Roles { get; init; } = AllRoles;

    /// <summary>Host name or IP this node's cluster endpoint binds to and advertises.</summary>
    public string ClusterHostname { get; init; } = "127.0.0.1";

    /// <summary>Cluster TCP port; 0 picks a free port (tests).</summary>
    public int ClusterPort { get; init; } = 4053;

    /// <summary>Seed node addresses (<c>akka.tcp://callcluster@host:port</c>); empty: this node seeds itself.</summary>
    public IReadOnlyList<string> Seeds { get; init; } = [];

    /// <summary>
    /// Down a member as soon as its cluster port refuses connections (its process has exited), when
    /// this node is on the majority side; see <c>Membership/CrashDowning</c>. Off: only the failure
    /// detector and the split brain resolver down members.
    /// </summary>
    public bool DownCrashedNodes { get; init; } = true;

    /// <summary>
    /// Take the keep-majority decision exactly <see cref="StableAfter"/> after a partition settles, on
    /// both of its sides; see <c>Membership/PartitionDowning</c>. Off: only the split brain resolver
    /// decides, on its one-second tick.
    /// </summary>
    public bool ExactStableAfter { get; init; } = true;

    /// <summary>Default of <see cref="HeartbeatPause"/> and of <see cref="StableAfter"/>, in milliseconds.</summary>
    public const int DefaultFailoverWaitMs = 1000;

    /// <summary>
    /// The failure detector's acceptable heartbeat pause: a member silent this long (plus about one
    /// heartbeat interval) is unreachable. Shorter finds a cut-off node sooner and marks a healthy
    /// node stalled by a long GC or a starved CPU unreachable more often.
    /// </summary>
    public TimeSpan HeartbeatPause { get; init; } = TimeSpan.FromMilliseconds(DefaultFailoverWaitMs);

    /// <summary>
    /// How long reachability must stay unchanged before the split brain resolver downs the side it
    /// does not keep. Shorter moves a partitioned node's calls sooner and gives a flapping network
    /// less time to settle before members are downed.
    /// </summary>
    public TimeSpan StableAfter { get; init; } = TimeSpan.FromMilliseconds(DefaultFailoverWaitMs);

    public PersistenceSettings Persistence { get; init; } = new();

    /// <summary>Actor system name; every node of one cluster uses the same name.</summary>
    public string SystemName { get; init; } = DefaultSystemName;

    /// <summary>Number of shards per region; never change it once data exists.</summary>
    public int ShardCount { get; init; } = 100;

    public bool HasRole(string role) => Roles.Contains(role);

    /// <summary>One line per problem, each naming the setting; empty when the settings are usable.</summary>
    public IReadOnlyList<string> Validate() => NodeSettingsValidation.Validate(this);
}
