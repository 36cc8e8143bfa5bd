using Akka.Actor;
using CallCluster.Actors.Sessions;

namespace CallCluster.Gateway.Hosting;

/// <summary>
/// The gateway outbox the session entities are given (SessionActor.Props' <c>gatewayOutbox</c>).
/// It exists before the gateway (the gateway needs the session region, the region needs the
/// outbox): it holds up to <see cref="MaxBuffered"/> effects until <see cref="Attach"/> names the
/// gateway actor, then forwards every <see cref="ISipEffect"/> to it. Answers for an inbound leg
/// held by another gateway node (its token in the leg id, see <see cref="GatewayNode"/>) go to
/// that node's outbox at the same path.
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
        Receive<CallCluster.Actors.Calls.RelayedSipPacket>(p => _gateway?.Forward(p));
        Receive<ISipEffect>(e =>
        {
            if (e is SessionEffects.SendProvisional or SessionEffects.AnswerInvite or SessionEffects.RejectInvite
                && GatewayNode.TokenOfLeg(e.LegId.Value) is { } owner && owner != _token
                && GatewayNode.MemberWith(Context.System, owner) is { } address)
            {
                Context.ActorSelection(address + Self.Path.ToStringWithoutAddress()).Tell(e, Sender);
            }
            else if (_gateway is not null)
            {
                _gateway.Forward(e);
            }
            else if (_buffer.Count < MaxBuffered)
            {
                _buffer.Enqueue((e, Sender));
            }
        });
    }

    public static Props Props(string token) => Akka.Actor.Props.Create(() => new GatewayOutbox(token));

    /// <summary>Names the gateway actor effects go to.</summary>
    public sealed record Attach(IActorRef Gateway);
}
