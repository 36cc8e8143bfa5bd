using Akka.Actor;
using Akka.Cluster.Routing;
using Akka.Routing;

namespace CallCluster.Actors.Hosting;

/// <summary>Well-known actor paths, and the group router over the media managers of every media node (this node included).</summary>
public static class RoleRouters
{
    public const string GatewayOutboxPath = "/user/sip-outbox";
    public const string MediaManagerName = "media-manager";
    public const string MediaManagerPath = "/user/" + MediaManagerName;

    /// <summary>
    /// Consistent hashing on the message's key (media commands hash by session id): every command
    /// of one session reaches the same media manager while membership is stable. Sessions use it
    /// only to place their first endpoint; later commands go to the node holding their endpoints
    /// (<see cref="Sessions.Media.MediaPlacement"/>), since a joining or leaving media node moves the hashing.
    /// </summary>
    public static IActorRef CreateConsistent(ActorSystem system, string path, string role, string name) =>
        system.ActorOf(
            new ClusterRouterGroup(
                new ConsistentHashingGroup([path]),
                new ClusterRouterGroupSettings(10_000, [path], allowLocalRoutees: true, useRole: role)).Props(),
            name);
}
