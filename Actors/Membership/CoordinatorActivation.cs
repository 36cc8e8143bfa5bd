using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using Akka.Event;

namespace CallCluster.Actors.Membership;

/// <summary>
/// Lets a shard coordinator that has just started on this node answer as soon as it has read its
/// state, instead of a fixed 500 ms later. Akka.NET's coordinator, after reading its state and
/// watching the regions in it, stashes every request (region registrations and shard-home
/// requests included) until a message it schedules to itself 500 ms ahead; there is no setting for
/// that wait. After a member is lost, every shard of that member waits for it: a lost session
/// node's calls waited half a second longer than they had to for their sessions to start elsewhere.
/// Regions that no longer exist need no such wait: the coordinator treats a region on an address
/// that is no longer a member as terminated when it watches it, a region's registration and its
/// shard-home requests are retried until answered, and a host-shard message to a region that turns
/// out dead is resent until the region's termination moves the shard.
/// <para>
/// After each membership change that can move a coordinator (a member up, leaving, exiting or
/// removed), for a bounded window, this actor looks for each local coordinator every tick; once one
/// exists it sends it the coordinator's own initialisation message and asks for its regions. The
/// initialisation message is ignored before the state is read and after the coordinator is active;
/// the first answer to the regions question shows the coordinator active, which ends the watch for
/// that type. The log records how long after the membership change each coordinator was active.
/// </para>
/// </summary>
public sealed class CoordinatorActivation : ReceiveActor, IWithTimers
{
    private const string TickTimer = "tick";
    private const string WindowTimer = "window";

    private readonly IReadOnlyList<string> _typeNames;
    private readonly object? _initialise;
    private readonly TimeSpan _interval;
    private readonly TimeSpan _window;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Dictionary<string, IActorRef> _found = new(StringComparer.Ordinal);
    private readonly HashSet<string> _waiting = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IActorRef> _lastActive = new(StringComparer.Ordinal);
    private DateTimeOffset _changedAt;
    private string _change = string.Empty;

    public CoordinatorActivation(IReadOnlyList<string> typeNames, TimeSpan interval, TimeSpan window)
    {
        _typeNames = typeNames;
        _interval = interval;
        _window = window;
        _initialise = CoordinatorInitialisation.Message;
        Receive<ClusterEvent.MemberUp>(e => Changed("up", e.Member));
        Receive<ClusterEvent.MemberLeft>(e => Changed("leaving", e.Member));
        Receive<ClusterEvent.MemberExited>(e => Changed("exiting", e.Member));
        Receive<ClusterEvent.MemberRemoved>(e => Changed("removed", e.Member));
        Receive<ClusterEvent.IClusterDomainEvent>(_ => { });
        Receive<Tick>(_ => Look());
        Receive<WindowOver>(_ => Stop());
        Receive<ActorIdentity>(Identified);
        Receive<CurrentRegions>(_ => Active(Sender));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Ticks every 20 ms for 10 s after a membership change.</summary>
    public static Props Props(IReadOnlyList<string> typeNames) =>
        Props(typeNames, TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(10));

    public static Props Props(IReadOnlyList<string> typeNames, TimeSpan interval, TimeSpan window) =>
        Akka.Actor.Props.Create(() => new CoordinatorActivation(typeNames, interval, window));

    protected override void PreStart()
    {
        if (_initialise is null)
        {
            _log.Warning("The shard coordinator's initialisation message was not found in this Akka.Cluster.Sharding; moved coordinators wait their fixed 500 ms");
            Context.Stop(Self);
            return;
        }

        Akka.Cluster.Cluster.Get(Context.System).Subscribe(
            Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.IMemberEvent));
    }

    protected override void PostStop() => Akka.Cluster.Cluster.Get(Context.System).Unsubscribe(Self);

    private void Changed(string change, Member member)
    {
        _changedAt = Context.System.Scheduler.Now;
        _change = $"{member.Address} {change}";
        _found.Clear();
        _waiting.Clear();
        _waiting.UnionWith(_typeNames);
        Timers.StartPeriodicTimer(TickTimer, Tick.Instance, TimeSpan.Zero, _interval);
        Timers.StartSingleTimer(WindowTimer, WindowOver.Instance, _window);
    }

    private void Look()
    {
        if (_waiting.Count == 0)
        {
            Stop();
            return;
        }

        foreach (var type in _waiting)
        {
            if (_found.TryGetValue(type, out var coordinator))
            {
                Nudge(coordinator);
            }
            else
            {
                Context.ActorSelection(CoordinatorInitialisation.PathOf(type)).Tell(new Identify(type), Self);
            }
        }
    }

    private void Identified(ActorIdentity identity)
    {
        if (identity is { MessageId: string type, Subject: { } coordinator } && _waiting.Contains(type))
        {
            if (_lastActive.TryGetValue(type, out var active) && active.Equals(coordinator))
            {
                // Active since an earlier change: this change did not move it.
                _waiting.Remove(type);
                return;
            }

            _found[type] = coordinator;
            Nudge(coordinator);
        }
    }

    /// <summary>Ends the coordinator's initial wait (ignored before its state is read and once active) and asks whether it is active.</summary>
    private void Nudge(IActorRef coordinator)
    {
        coordinator.Tell(_initialise!, Self);
        coordinator.Tell(GetCurrentRegions.Instance, Self);
    }

    private void Active(IActorRef coordinator)
    {
        var type = _found.FirstOrDefault(f => f.Value.Equals(coordinator)).Key;
        if (type is null || !_waiting.Remove(type))
        {
            return;
        }

        _lastActive[type] = coordinator;

        _log.Info(
            "Shard coordinator [{0}] on this node active {1:0} ms after {2}",
            type,
            (Context.System.Scheduler.Now - _changedAt).TotalMilliseconds,
            _change);
        if (_waiting.Count == 0)
        {
            Stop();
        }
    }

    private void Stop()
    {
        Timers.Cancel(TickTimer);
        Timers.Cancel(WindowTimer);
        _waiting.Clear();
        _found.Clear();
    }

    private sealed class Tick
    {
        public static readonly Tick Instance = new();

        private Tick()
        {
        }
    }

    private sealed class WindowOver
    {
        public static readonly WindowOver Instance = new();

        private WindowOver()
        {
        }
    }
}
