using Akka.Actor;
using Akka.Cluster;
using Akka.Event;
using Akka.Remote;

namespace CallCluster.Actors.Membership;

/// <summary>
/// Downs a member at once when its process is gone, instead of waiting for the failure detector
/// (acceptable heartbeat pause) and the split brain resolver (stable-after). When the connection to
/// a member drops, or it turns unreachable, this actor tries a TCP connection to that member's
/// cluster port a few times; a refusal means nothing listens there any more (the process exited:
/// killed, crashed, out of memory), and <see cref="CrashDowningRules"/> decide whether this node
/// may down it. A member that answers, or a silent network, is left to the failure detector and
/// the resolver, which handle partitions and lost hosts as before.
/// </summary>
public sealed class CrashDowning : ReceiveActor, IWithTimers
{
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan ProbeSpacing = TimeSpan.FromMilliseconds(200);
    public const int ProbeAttempts = 5;

    /// <summary>How long a refused member counts as failed when judging another refusal.</summary>
    public static readonly TimeSpan RememberDead = TimeSpan.FromSeconds(30);

    private readonly Akka.Cluster.Cluster _cluster;
    private readonly IPortProbe _probe;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Dictionary<Address, int> _probing = [];
    private readonly Dictionary<string, DateTimeOffset> _dead = new(StringComparer.Ordinal);

    public CrashDowning(IPortProbe probe)
    {
        _probe = probe;
        _cluster = Akka.Cluster.Cluster.Get(Context.System);
        Receive<DisassociatedEvent>(e => Suspect(e.RemoteAddress));
        Receive<AssociationErrorEvent>(e => Suspect(e.RemoteAddress));
        Receive<ClusterEvent.UnreachableMember>(e => Suspect(e.Member.Address));
        Receive<Probe>(p => StartProbe(p.Address));
        Receive<Probed>(OnProbed);
        Receive<ClusterEvent.IClusterDomainEvent>(_ => { });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props with the real TCP probe, or another one for tests.</summary>
    public static Props Props(IPortProbe? probe = null) =>
        Akka.Actor.Props.Create(() => new CrashDowning(probe ?? new TcpPortProbe()));

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(DisassociatedEvent));
        Context.System.EventStream.Subscribe(Self, typeof(AssociationErrorEvent));
        _cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.UnreachableMember));
    }

    protected override void PostStop()
    {
        Context.System.EventStream.Unsubscribe(Self);
        _cluster.Unsubscribe(Self);
    }

    private void Suspect(Address address)
    {
        if (address.Host is null || address.Port is null || address.Equals(_cluster.SelfAddress) || _probing.ContainsKey(address))
        {
            return;
        }

        if (!_cluster.State.Members.Any(m => m.Address.Equals(address) && IsServing(m.Status)))
        {
            return;
        }

        _probing[address] = 0;
        StartProbe(address);
    }

    private void StartProbe(Address address)
    {
        if (!_probing.TryGetValue(address, out var attempts))
        {
            return;
        }

        _probing[address] = attempts + 1;
        _probe.ProbeAsync(address.Host!, address.Port!.Value, ProbeTimeout)
            .PipeTo(Self, success: outcome => new Probed(address, outcome), failure: _ => new Probed(address, PortProbeOutcome.NoAnswer));
    }

    private void OnProbed(Probed probed)
    {
        if (!_probing.TryGetValue(probed.Address, out var attempts))
        {
            return;
        }

        switch (probed.Outcome)
        {
            case PortProbeOutcome.Refused:
                _probing.Remove(probed.Address);
                Judge(probed.Address);
                break;
            case PortProbeOutcome.NoAnswer when attempts < ProbeAttempts:
                Timers.StartSingleTimer(probed.Address, new Probe(probed.Address), ProbeSpacing);
                break;
            default:
                _probing.Remove(probed.Address);
                break;
        }
    }

    private void Judge(Address address)
    {
        var now = Context.System.Scheduler.Now;
        foreach (var expired in _dead.Where(d => d.Value <= now).Select(d => d.Key).ToList())
        {
            _dead.Remove(expired);
        }

        var state = _cluster.State;
        var unreachable = state.Unreachable.Select(m => m.Address).ToHashSet();
        var members = state.Members
            .Select(m => new MemberView(m.Address.ToString(), Phase(m.Status), unreachable.Contains(m.Address)))
            .ToList();
        var candidate = address.ToString();
        var verdict = CrashDowningRules.Decide(_cluster.SelfAddress.ToString(), candidate, members, _dead.Keys.ToHashSet(StringComparer.Ordinal));
        _dead[candidate] = now + RememberDead;
        if (verdict == CrashVerdict.Down)
        {
            _log.Warning("Downing {0}: its cluster port refuses connections, so its process has exited", address);
            _cluster.Down(address);
            Quarantine(address);
        }
        else
        {
            _log.Info("Cluster port of {0} refuses connections; not downing it from here ({1})", address, verdict);
        }
    }

    /// <summary>
    /// The leader removes a downed member only once it is unreachable; quarantining the dead
    /// incarnation marks it terminated at once, so it is removed at the next leader tick instead of
    /// after the failure detector's pause. A quarantined incarnation can never talk to this node
    /// again; a restarted process at the same address is a new incarnation and joins as usual.
    /// </summary>
    private void Quarantine(Address address)
    {
        var member = _cluster.State.Members.FirstOrDefault(m => m.Address.Equals(address));
        if (member is not null && ((ExtendedActorSystem)Context.System).Provider is IRemoteActorRefProvider remote)
        {
            remote.Quarantine(address, member.UniqueAddress.Uid);
        }
    }

    private static bool IsServing(MemberStatus status) =>
        status is MemberStatus.Joining or MemberStatus.WeaklyUp or MemberStatus.Up;

    private static MemberPhase Phase(MemberStatus status) => status switch
    {
        MemberStatus.Joining or MemberStatus.WeaklyUp or MemberStatus.Up => MemberPhase.Serving,
        MemberStatus.Leaving => MemberPhase.Leaving,
        _ => MemberPhase.Gone,
    };

    private sealed record Probe(Address Address);

    private sealed record Probed(Address Address, PortProbeOutcome Outcome);
}
