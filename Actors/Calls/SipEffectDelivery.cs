using Akka.Actor;
using CallCluster.Actors.Serialization;
using CallCluster.Actors.Sessions;

namespace CallCluster.Actors.Calls;

/// <summary>
/// A session's SIP effect on its way to a gateway node's outbox, numbered by the sending node's
/// <see cref="GatewayDispatcher"/>. The outbox answers <see cref="SipEffectDelivered"/> at once and
/// hands the effect to its gateway as if <paramref name="ReplyTo"/> (the session) had sent it.
/// </summary>
public sealed record DeliverSipEffect(long Seq, ISipEffect Effect, IActorRef ReplyTo) : ICallClusterMessage;

/// <summary>The outbox took delivery <paramref name="Seq"/>; the dispatcher forgets it.</summary>
public sealed record SipEffectDelivered(long Seq) : ICallClusterMessage;
