using CallCluster.Actors.Cdr;
using CallCluster.Actors.Health;
using CallCluster.Actors.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace CallCluster.Actors.Hosting;

/// <summary>Dependency-injection registrations for the non-actor parts: database, CDR store, journal probe.</summary>
public static class CallClusterServices
{
    /// <summary>Registers <see cref="Database"/>, <see cref="ICdrStore"/> and <see cref="JournalProbe"/> as singletons.</summary>
    public static IServiceCollection AddCallClusterStores(this IServiceCollection services, NodeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(settings);
        var database = new Database(settings.Persistence);
        services.AddSingleton(database);
        services.AddSingleton<ICdrStore>(new SqlCdrStore(database));
        services.AddSingleton(new JournalProbe(database));
        return services;
    }
}
