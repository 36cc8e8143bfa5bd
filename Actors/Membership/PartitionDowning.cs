using Akka.Actor;
using Akka.Cluster;
using Akka.Event;

namespace CallCluster.Actors.Membership;

/// <summary>
/// Takes the keep-majority decision of <see cref="PartitionDowningRules"/> exactly stable-after
/// after the membership or the set of unreachable members last changed. The split brain resolver
/// checks only once a second, so on its own a partition is decided up to a second later than
/// stable-after, and the two sides decide at unrelated moments. Here both sides decide within the
/// failure detector's skew of each other: the minority downs itself while the majority downs it,
/// so the majority can re-home the minority's sessions after the removal margin without the
/// minority still running them. The resolver stays in place for every case these rules leave to it.
/// </summary>
public sealed class PartitionDowning : ReceiveActor, IWithTimers
{
    private const string StableTimer = "stable";

    private readonly Akka.Cluster.Cluster _cluster;
    private readonly TimeSpan _stableAfter;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Dictionary<Address, MemberStatus> _members = [];
    private readonly HashSet<Address> _unreachable = [];
    private Address? _leader;

    public PartitionDowning()
    {
        // The resolver's own setting, so that both always wait the same time.
        _stableAfter = Context.System.Settings.Config.GetTimeSpan(StableAfterPath, null, allowInfinite: false);
        _cluster = Akka.Cluster.Cluster.Get(Context.System);
        Receive<ClusterEvent.MemberRemoved>(e => Changed(() => { _members.Remove(e.Member.Address); _unreachable.Remove(e.Member.Address); }));
        Receive<ClusterEvent.IMemberEvent>(e => Changed(() => _members[e.Member.Address] = e.Member.Status));
        Receive<ClusterEvent.UnreachableMember>(e => Changed(() => _unreachable.Add(e.Member.Address)));
        Receive<ClusterEvent.ReachableMember>(e => Changed(() => _unreachable.Remove(e.Member.Address)));
        Receive<ClusterEvent.LeaderChanged>(e => _leader = e.Leader);
        Receive<Stable>(_ => Decide());
        Receive<ClusterEvent.IClusterDomainEvent>(_ => { });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public const string StableAfterPath = "akka.cluster.split-brain-resolver.stable-after";

    public static Props Props() => Akka.Actor.Props.Create(() => new PartitionDowning());

    protected override void PreStart() =>
        _cluster.Subscribe(
            Self,
            ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents,
            typeof(ClusterEvent.IMemberEvent),
            typeof(ClusterEvent.IReachabilityEvent),
            typeof(ClusterEvent.LeaderChanged));

    protected override void PostStop() => _cluster.Unsubscribe(Self);

    private void Changed(Action update)
    {
        update();
        if (_unreachable.Count == 0)
        {
            Timers.Cancel(StableTimer);
            return;
        }

        Timers.StartSingleTimer(StableTimer, Stable.Instance, _stableAfter);
    }

    private void Decide()
    {
        var members = _members
            .Select(m => new PartitionMember(m.Key.ToString(), m.Value == MemberStatus.Up, _unreachable.Contains(m.Key)))
            .ToList();
        var verdict = PartitionDowningRules.Decide(_cluster.SelfAddress.ToString(), _leader?.ToString(), members);
        if (verdict.Kind == PartitionVerdictKind.LeaveToResolver)
        {
            _log.Info("Partition stable for {0} ms; left to the split brain resolver: {1}", _stableAfter.TotalMilliseconds, verdict.Reason);
            return;
        }

        _log.Warning(
            "Partition stable for {0} ms, {1}: downing the {2} side [{3}]",
            _stableAfter.TotalMilliseconds,
            verdict.Reason,
            verdict.Kind == PartitionVerdictKind.DownUnreachable ? "unreachable" : "own (minority)",
            string.Join(", ", verdict.Down));
        foreach (var address in _members.Keys.Where(a => verdict.Down.Contains(a.ToString(), StringComparer.Ordinal)).ToList())
        {
            _cluster.Down(address);
        }
    }

    private sealed class Stable
    {
        public static readonly Stable Instance = new();

        private Stable()
        {
        }
    }
}
