using Akka.Actor;
using CallCluster.Actors.Sessions;

namespace CallCluster.Actors.Calls;

/// <summary>
/// A delivery not yet acknowledged: where it went (null while no gateway is up), when (ledger
/// tick) and how many gateways it has been sent to.
/// </summary>
public sealed record PendingDelivery(long Seq, ISipEffect Effect, IActorRef ReplyTo, string? Target, long SentTick, int Attempts);

/// <summary>One message for one gateway node's outbox.</summary>
public sealed record OutgoingDelivery(string Target, DeliverSipEffect Message);
