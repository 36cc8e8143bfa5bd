using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using CallCluster.Actors.Sessions;
using static CallCluster.Actors.Sessions.SessionCommands;

namespace CallCluster.Actors.Hosting;

/// <summary>
/// On session nodes: as soon as a media member is downed, leaves (a graceful stop) or is removed,
/// or has stayed unreachable for a short grace (below), tells every session entity on this node
/// <see cref="MediaNodeLost"/> for it,
/// so calls anchored there re-anchor on another media node without waiting for the member to be
/// removed (the entity's own watch only fires then, seconds later). It looks again every
/// <see cref="SweepInterval"/> for <see cref="Remember"/> after the loss, or until a member is Up
/// again at that address, and tells each session entity once per lost node: sessions that were
/// hosted on the lost node itself (session and media roles together) recover here later and
/// learn it within one sweep. Sessions without a leg on that node decide nothing. The media
/// router already stops routing to an unreachable member.
/// Trade-offs: a media node that was only briefly unreachable (a long pause) still loses its calls
/// to another media node (its old endpoints go silent and are released there once the session
/// ends, see MediaManagerActor); each sweep asks the local region for its entity ids, and the
/// ids told are kept per lost node until it is forgotten. A media node that is only unreachable
/// (not downed) is acted on after <see cref="UnreachableGrace"/>, and only while this node
/// reaches a majority of the members: otherwise this node is probably the one cut off, and it
/// waits for the media member to be downed, leave or be removed.
/// </summary>
public sealed class MediaNodeWatch : ReceiveActor, IWithTimers
{
    public static readonly TimeSpan SweepInterval = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan Remember = TimeSpan.FromSeconds(60);

    /// <summary>How long a media node must stay unreachable (not downed) before sessions are told: the isolated side of a partition sees every member unreachable within about this much.</summary>
    public static readonly TimeSpan UnreachableGrace = TimeSpan.FromMilliseconds(500);
    private const string SweepTimer = "sweep";
    private readonly IActorRef _sessions;
    private readonly bool _subscribed;
    private readonly Dictionary<string, LostNode> _lost = new(StringComparer.Ordinal);

    public MediaNodeWatch(IActorRef sessions, bool subscribe)
    {
        _sessions = sessions;
        _subscribed = subscribe;
        if (subscribe)
        {
            Akka.Cluster.Cluster.Get(Context.System).Subscribe(
                Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents,
                typeof(ClusterEvent.UnreachableMember), typeof(ClusterEvent.ReachableMember), typeof(ClusterEvent.MemberDowned), typeof(ClusterEvent.MemberLeft), typeof(ClusterEvent.MemberRemoved), typeof(ClusterEvent.MemberUp));
        }

        Receive<ClusterEvent.UnreachableMember>(u => OnMedia(u.Member, m => new Unreachable(m, Definite: false)));
        Receive<ClusterEvent.ReachableMember>(r => OnMedia(r.Member, m => new Reachable(m)));
        Receive<Reachable>(r =>
        {
            if (_lost.TryGetValue(r.MediaNode, out var lost) && !lost.Definite)
            {
                _lost.Remove(r.MediaNode);
            }
        });
        Receive<ClusterEvent.MemberDowned>(d => OnMedia(d.Member, m => new Unreachable(m)));
        Receive<ClusterEvent.MemberLeft>(l => OnMedia(l.Member, m => new Unreachable(m)));
        Receive<ClusterEvent.MemberRemoved>(r => OnMedia(r.Member, m => new Unreachable(m)));
        Receive<ClusterEvent.MemberUp>(u => OnMedia(u.Member, m => new Returned(m)));
        Receive<Unreachable>(u =>
        {
            var now = Context.System.Scheduler.Now;
            if (_lost.TryGetValue(u.MediaNode, out var known))
            {
                known.Expires = now + Remember;
                known.Definite |= u.Definite;
                return;
            }

            _lost[u.MediaNode] = new LostNode { Expires = now + Remember, Since = now, Definite = u.Definite };
            Timers.StartPeriodicTimer(SweepTimer, Sweep.Instance, SweepInterval);
            Self.Tell(Sweep.Instance);
        });
        Receive<Returned>(r => _lost.Remove(r.MediaNode));
        Receive<Sweep>(_ => OnSweep());
        Receive<Notify>(n =>
        {
            var now = Context.System.Scheduler.Now;
            foreach (var node in n.MediaNodes)
            {
                if (!_lost.TryGetValue(node, out var lost) || !lost.Definite && (now - lost.Since < UnreachableGrace || !ReachesMajority()))
                {
                    continue;
                }

                foreach (var id in n.State.Shards.SelectMany(s => s.EntityIds).Where(lost.Told.Add))
                {
                    // No reply wanted: the session's answer would only be logged as unhandled here.
                    _sessions.Tell(new MediaNodeLost(new SessionId(id), node), ActorRefs.Nobody);
                }
            }
        });
        Receive<Status.Failure>(_ => { });
        Receive<ClusterEvent.IClusterDomainEvent>(_ => { });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props; <paramref name="subscribe"/> false leaves cluster events out (tests send <see cref="Unreachable"/> and <see cref="Returned"/>).</summary>
    public static Props Props(IActorRef sessionRegion, bool subscribe = true) =>
        Akka.Actor.Props.Create(() => new MediaNodeWatch(sessionRegion, subscribe));

    protected override void PostStop()
    {
        if (_subscribed)
        {
            Akka.Cluster.Cluster.Get(Context.System).Unsubscribe(Self);
        }

        base.PostStop();
    }

    /// <summary>
    /// A node that cannot reach a majority is more likely the one cut off than the media node
    /// lost: its sessions must not give up endpoints that still carry their calls. If the media
    /// node is really gone, the majority downs it and MemberDowned follows.
    /// </summary>
    private bool ReachesMajority()
    {
        if (!_subscribed)
        {
            return true;
        }

        var state = Akka.Cluster.Cluster.Get(Context.System).State;
        var counted = state.Members.Count(m => m.Status is not (MemberStatus.Down or MemberStatus.Removed or MemberStatus.Exiting));
        var unreachable = state.Unreachable.Count(m => m.Status is not (MemberStatus.Down or MemberStatus.Removed or MemberStatus.Exiting));
        return (counted - unreachable) * 2 > counted;
    }

    private void OnMedia(Member member, Func<string, object> message)
    {
        if (member.HasRole(NodeSettings.MediaRole))
        {
            Self.Tell(message(member.Address.ToString()));
        }
    }

    private void OnSweep()
    {
        var now = Context.System.Scheduler.Now;
        foreach (var expired in _lost.Where(l => l.Value.Expires <= now).Select(l => l.Key).ToList())
        {
            _lost.Remove(expired);
        }

        if (_lost.Count == 0)
        {
            Timers.Cancel(SweepTimer);
            return;
        }

        var nodes = _lost.Keys.ToList();
        _sessions
            .Ask<CurrentShardRegionState>(GetShardRegionState.Instance, AskTimeout)
            .PipeTo(Self, success: state => new Notify(nodes, state));
    }

    /// <summary>The media member at <paramref name="MediaNode"/> (an Akka address) is unreachable, leaving or removed.</summary>
    public sealed record Unreachable(string MediaNode, bool Definite = true);

    /// <summary>A media member that was only unreachable is reachable again.</summary>
    public sealed record Reachable(string MediaNode);

    /// <summary>A media member is Up at <paramref name="MediaNode"/> again: sessions are no longer told it is lost.</summary>
    public sealed record Returned(string MediaNode);

    private sealed class LostNode
    {
        public DateTimeOffset Expires { get; set; }

        public DateTimeOffset Since { get; init; }

        /// <summary>Downed, leaving or removed; false while it is only unreachable.</summary>
        public bool Definite { get; set; }

        public HashSet<string> Told { get; } = new(StringComparer.Ordinal);
    }

    private sealed record Sweep
    {
        public static Sweep Instance { get; } = new();
    }

    private sealed record Notify(IReadOnlyList<string> MediaNodes, CurrentShardRegionState State);
}
