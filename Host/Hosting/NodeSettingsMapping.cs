using CallCluster.Actors.Hosting;
using CallCluster.Host.Configuration;
using CallCluster.Media;

namespace CallCluster.Host.Hosting;

/// <summary>Turns the node's validated settings into the Akka layer's <see cref="NodeSettings"/>.</summary>
public static class NodeSettingsMapping
{
    public static MediaSettings ToMediaSettings(this CallClusterSettings settings) => new(
        settings.Media.RtpPortMin,
        settings.Media.RtpPortMax,
        settings.Media.AdvertisedAddress ?? settings.Media.BindAddress,
        settings.Media.BindAddress,
        TimeSpan.FromSeconds(settings.Media.DeadMediaSeconds))
    {
        MixerRealtimePriority = settings.Media.MixerRealtimePriority,
        DrainTimeout = TimeSpan.FromSeconds(settings.Media.DrainSeconds),
    };

    public static NodeSettings ToNodeSettings(this CallClusterSettings settings) => new()
    {
        Roles = new HashSet<string>(settings.Node.Roles, StringComparer.Ordinal),
        ClusterHostname = settings.Cluster.Hostname,
        ClusterPort = settings.Cluster.Port,
        Seeds = settings.Cluster.Seeds,
        DownCrashedNodes = settings.Cluster.DownCrashedNodes,
        ExactStableAfter = settings.Cluster.ExactStableAfter,
        HeartbeatPause = TimeSpan.FromMilliseconds(settings.Cluster.HeartbeatPauseMs),
        StableAfter = TimeSpan.FromMilliseconds(settings.Cluster.StableAfterMs),
        Persistence = new PersistenceSettings
        {
            Provider = settings.Persistence.Provider,
            ConnectionString = settings.Persistence.Provider == PersistenceSettings.Sqlite
                ? ConnectionStrings.NormalizeSqlite(settings.Persistence.ConnectionString)
                : settings.Persistence.ConnectionString,
            SqliteSynchronous = settings.Persistence.SqliteSynchronous,
            BatchWriter = settings.Persistence.BatchWriter,
        },
    };
}
