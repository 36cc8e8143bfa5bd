using Akka.Actor;
using CallCluster.Actors.Directory;

namespace CallCluster.Gateway.Hosting;

/// <summary>
/// What the gateway talks to: the session shard region, the registration shard region, the
/// mobile-calls shard region (<c>CallCluster.Actors.Calls.MobileCallsEntity</c>) and the node's
/// directory snapshot (<c>() =&gt; DirectoryView.Get(system).Current</c>).
/// </summary>
public sealed record GatewayPorts(
    IActorRef Sessions,
    IActorRef Registrations,
    IActorRef MobileCalls,
    Func<DirectorySnapshot> Directory);
