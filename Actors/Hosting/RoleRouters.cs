using Akka.Actor;
using Akka.Cluster.Routing;
using Akka.Routing;

namespace CallCluster.Actors.Hosting;

/// <summary>Group routers over a well-known actor path on every node of a role (this node included).</summary>
public static class RoleRouters
{
    public const string GatewayOutboxPath = "/user/sip-outbox";
    public const string MediaManagerName = "media-manager";
    public const string MediaManagerPath = "/user/" + MediaManagerName;

    /// <summary>Round robin: any routee will do (gateway outboxes forward to the node that owns a leg).</summary>
    public static IActorRef Create(ActorSystem system, string path, string role, string name) =>
        system.ActorOf(
            new ClusterRouterGroup(
                new RoundRobinGroup([path]),
                new ClusterRouterGroupSettings(10_000, [path], allowLocalRoutees: true, useRole: role)).Props(),
            name);

    /// <summary>
    /// Consistent hashing on the message's key (media commands hash by session id): every command
    /// of one session reaches the same media manager while membership is stable.
    /// </summary>
    public static IActorRef CreateConsistent(ActorSystem system, string path, string role, string name) =>
        system.ActorOf(
            new ClusterRouterGroup(
                new ConsistentHashingGroup([path]),
                new ClusterRouterGroupSettings(10_000, [path], allowLocalRoutees: true, useRole: role)).Props(),
            name);
}
