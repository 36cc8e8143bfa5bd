using CallCluster.Actors.Hosting;
using CallCluster.Host.Configuration;

namespace CallCluster.Host.Hosting;

/// <summary>Turns the node's validated settings into the Akka layer's <see cref="NodeSettings"/>.</summary>
public static class NodeSettingsMapping
{
    public static NodeSettings ToNodeSettings(this CallClusterSettings settings) => new()
    {
        Roles = new HashSet<string>(settings.Node.Roles, StringComparer.Ordinal),
        ClusterHostname = settings.Cluster.Hostname,
        ClusterPort = settings.Cluster.Port,
        Seeds = settings.Cluster.Seeds,
        Persistence = new PersistenceSettings
        {
            Provider = settings.Persistence.Provider,
            ConnectionString = settings.Persistence.Provider == PersistenceSettings.Sqlite
                ? ConnectionStrings.NormalizeSqlite(settings.Persistence.ConnectionString)
                : settings.Persistence.ConnectionString,
        },
    };
}
