using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using CallCluster.Actors.Hosting;
using CallCluster.Actors.Sessions;

namespace CallCluster.Host.Http;

/// <summary>Asks the session region (or its proxy) with a bounded wait; null region: sessions are not hosted by this build.</summary>
public sealed class SessionClient(IServiceProvider services)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>The region, or null when no session region is registered on this node.</summary>
    public IActorRef? Region =>
        services.GetService<ActorRegistry>() is { } registry && registry.TryGet(typeof(SessionRegion), out var region) ? region : null;

    /// <summary>The reply, or null when nothing answered within <see cref="Timeout"/>.</summary>
    public async Task<object?> AskAsync(IActorRef region, object message, CancellationToken cancellation)
    {
        try
        {
            return await region.Ask<object>(message, Timeout, cancellation);
        }
        catch (AskTimeoutException)
        {
            return null;
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>
    /// Ids of the sessions whose entities run on this node, or null when the region or any of its
    /// shards did not answer in time (a partial list would look complete).
    /// </summary>
    public async Task<IReadOnlyList<string>?> LocalSessionIdsAsync(IActorRef region, CancellationToken cancellation)
    {
        var state = await AskAsync(region, GetShardRegionState.Instance, cancellation) as CurrentShardRegionState;
        return state is null || state.Failed.Count > 0
            ? null
            : state.Shards.SelectMany(s => s.EntityIds).Order(StringComparer.Ordinal).ToList();
    }
}
