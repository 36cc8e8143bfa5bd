using Akka.Actor;
using CallCluster.Actors.Calls;
using CallCluster.Actors.Sessions;

namespace CallCluster.Gateway.Hosting;

/// <summary>
/// The gateway outbox the session entities are given (SessionActor.Props' <c>gatewayOutbox</c>).
/// It exists before the gateway (the gateway needs the session region, the region needs the
/// outbox): it holds up to <see cref="MaxBuffered"/> effects until <see cref="Attach"/> names the
/// gateway actor, then forwards every <see cref="ISipEffect"/> to it. Answers for an inbound leg
/// held by another gateway node (its token in the leg id, see <see cref="GatewayNode"/>) go to
/// that node's outbox at the same path. Effects numbered by a session node's
/// <see cref="GatewayDispatcher"/> (<see cref="DeliverSipEffect"/>) are acknowledged at once.
/// </summary>
public sealed class GatewayOutbox : ReceiveActor
{
    public const int MaxBuffered = 10_000;
    private readonly Queue<(ISipEffect Effect, IActorRef Sender)> _buffer = new();
    private readonly string _token;
    private IActorRef? _gateway;

    public GatewayOutbox(string token)
    {
        _token = token;
        Receive<Attach>(a =>
        {
            _gateway = a.Gateway;
            while (_buffer.TryDequeue(out var item))
            {
                _gateway.Tell(item.Effect, item.Sender);
            }
        });
        Receive<RelayedSipPacket>(p => _gateway?.Forward(p));
        Receive<DeliverSipEffect>(d =>
        {
            Sender.Tell(new SipEffectDelivered(d.Seq));
            Route(d.Effect, d.ReplyTo);
        });
        Receive<ISipEffect>(e => Route(e, Sender));
    }

    public static Props Props(string token) => Akka.Actor.Props.Create(() => new GatewayOutbox(token));

    private void Route(ISipEffect e, IActorRef sender)
    {
        if (e is SessionEffects.SendProvisional or SessionEffects.AnswerInvite or SessionEffects.RejectInvite
            && GatewayNode.TokenOfLeg(e.LegId.Value) is { } owner && owner != _token
            && GatewayNode.MemberWith(Context.System, owner) is { } address)
        {
            Context.ActorSelection(address + Self.Path.ToStringWithoutAddress()).Tell(e, sender);
        }
        else if (_gateway is not null)
        {
            _gateway.Tell(e, sender);
        }
        else if (_buffer.Count < MaxBuffered)
        {
            _buffer.Enqueue((e, sender));
        }
    }

    /// <summary>Names the gateway actor effects go to.</summary>
    public sealed record Attach(IActorRef Gateway);
}
