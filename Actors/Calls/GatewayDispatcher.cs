using Akka.Actor;
using Akka.Cluster;
using Akka.Event;
using CallCluster.Actors.Hosting;
using CallCluster.Actors.Sessions;

namespace CallCluster.Actors.Calls;

/// <summary>
/// On session nodes: the gateway outbox every session entity is given. Each
/// <see cref="ISipEffect"/> goes, numbered, to the outbox of the next gateway node (round robin,
/// this node included), which acknowledges it; a gateway node found unreachable, downed or removed gets
/// its unacknowledged effects re-sent to another (see <see cref="DeliveryLedger"/>). Effects wait
/// here while no gateway node is up. Trade-off: an effect the lost node handled just before dying,
/// whose acknowledgement died with it, is sent twice (a peer answers the second BYE with 481).
/// </summary>
public sealed class GatewayDispatcher : ReceiveActor, IWithTimers
{
    public static readonly TimeSpan TickInterval = TimeSpan.FromSeconds(1);
    private const string TickTimer = "tick";
    private readonly bool _subscribed;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private DeliveryLedger _ledger = DeliveryLedger.Empty;

    public GatewayDispatcher(bool subscribe)
    {
        _subscribed = subscribe;
        if (subscribe)
        {
            Akka.Cluster.Cluster.Get(Context.System).Subscribe(
                Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents,
                typeof(ClusterEvent.IMemberEvent), typeof(ClusterEvent.IReachabilityEvent));
        }

        Receive<ISipEffect>(e => Apply(_ledger.Send(e, Sender)));
        Receive<SipEffectDelivered>(d => _ledger = _ledger.Delivered(d.Seq));
        Receive<ClusterEvent.MemberUp>(u => OnGateway(u.Member, a => new GatewayAvailable(a)));
        Receive<ClusterEvent.ReachableMember>(r => OnGateway(r.Member, a => r.Member.Status == MemberStatus.Up ? new GatewayAvailable(a) : null));
        Receive<ClusterEvent.MemberLeft>(l => OnGateway(l.Member, a => new GatewayRetiring(a)));
        Receive<ClusterEvent.MemberExited>(x => OnGateway(x.Member, a => new GatewayRetiring(a)));
        Receive<ClusterEvent.UnreachableMember>(u => OnGateway(u.Member, a => new GatewayLost(a)));
        Receive<ClusterEvent.MemberDowned>(d => OnGateway(d.Member, a => new GatewayLost(a)));
        Receive<ClusterEvent.MemberRemoved>(r => OnGateway(r.Member, a => new GatewayLost(a)));
        Receive<GatewayAvailable>(g => Apply(_ledger.GatewayUp(g.Address)));
        Receive<GatewayRetiring>(g => _ledger = _ledger.GatewayRetired(g.Address));
        Receive<GatewayLost>(g =>
        {
            var step = _ledger.GatewayLost(g.Address);
            if (step.Outgoing.Count > 0 || step.Dropped > 0)
            {
                _log.Warning("Gateway {0} lost: {1} unacknowledged SIP effects re-sent, {2} given up", g.Address, step.Outgoing.Count, step.Dropped);
            }

            Apply(step);
        });
        Receive<Tick>(_ => Apply(_ledger.Advance()));
        Receive<GetPending>(_ => Sender.Tell(new PendingDeliveries(_ledger.Pending.Count, _ledger.Gateways)));
        Receive<ClusterEvent.IClusterDomainEvent>(_ => { });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props; <paramref name="subscribe"/> false leaves cluster events out (tests send <see cref="GatewayAvailable"/> and <see cref="GatewayLost"/>).</summary>
    public static Props Props(bool subscribe = true) => Akka.Actor.Props.Create(() => new GatewayDispatcher(subscribe));

    protected override void PreStart() => Timers.StartPeriodicTimer(TickTimer, Tick.Instance, TickInterval);

    protected override void PostStop()
    {
        if (_subscribed)
        {
            Akka.Cluster.Cluster.Get(Context.System).Unsubscribe(Self);
        }

        base.PostStop();
    }

    private void OnGateway(Member member, Func<string, object?> message)
    {
        if (member.HasRole(NodeSettings.GatewayRole) && message(member.Address.ToString()) is { } m)
        {
            Self.Tell(m);
        }
    }

    private void Apply(LedgerStep step)
    {
        _ledger = step.Ledger;
        foreach (var delivery in step.Outgoing)
        {
            Context.ActorSelection(delivery.Target + RoleRouters.GatewayOutboxPath).Tell(delivery.Message, Self);
        }

        if (step.Dropped > 0)
        {
            _log.Warning("{0} SIP effects given up (no gateway acknowledged them)", step.Dropped);
        }
    }

    /// <summary>A gateway node at <paramref name="Address"/> is up (or reachable again).</summary>
    public sealed record GatewayAvailable(string Address);

    /// <summary>A gateway node leaves gracefully.</summary>
    public sealed record GatewayRetiring(string Address);

    /// <summary>A gateway node is unreachable or removed.</summary>
    public sealed record GatewayLost(string Address);

    /// <summary>Asks for <see cref="PendingDeliveries"/>.</summary>
    public sealed record GetPending
    {
        public static GetPending Instance { get; } = new();
    }

    /// <summary>How many deliveries wait for an acknowledgement, and the gateways effects go to.</summary>
    public sealed record PendingDeliveries(int Count, IReadOnlyList<string> Gateways);

    private sealed record Tick
    {
        public static Tick Instance { get; } = new();
    }
}
