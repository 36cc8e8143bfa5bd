using Akka.Cluster.Sharding;
using CallCluster.Actors.Cdr;
using CallCluster.Actors.MediaProtocol;

namespace CallCluster.Actors.Sessions;

/// <summary>
/// Routes session messages to their entity by session id: every <see cref="ISessionCommand"/>,
/// the media role's replies and the CDR writer's confirmation (which carry the id as text).
/// <see cref="ShardRegion.StartEntity"/> (remember-entities) is handled by
/// <see cref="HashCodeMessageExtractor"/> itself, which maps its entity id to the same shard.
/// The shard count never changes once data exists.
/// </summary>
public sealed class SessionMessageExtractor(int maxNumberOfShards = SessionMessageExtractor.DefaultShards)
    : HashCodeMessageExtractor(maxNumberOfShards)
{
    public const int DefaultShards = 100;

    public override string? EntityId(object message) => message switch
    {
        ISessionCommand c => c.SessionId.Value,
        EndpointAllocated m => m.SessionId,
        AllocationFailed m => m.SessionId,
        EndpointDead m => m.SessionId,
        CdrWritten m => m.SessionId,
        _ => null,
    };
}
