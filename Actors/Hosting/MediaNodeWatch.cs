using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using CallCluster.Actors.Sessions;
using static CallCluster.Actors.Sessions.SessionCommands;

namespace CallCluster.Actors.Hosting;

/// <summary>
/// On session nodes: as soon as a media member becomes unreachable, tells every session entity on
/// this node <see cref="MediaNodeLost"/> for it, so calls anchored there re-anchor on another
/// media node without waiting for the member to be downed and removed (the entity's own watch
/// only fires then, seconds later). Sessions without a leg on that node decide nothing. The
/// media router already stops routing to an unreachable member. Trade-off: a media node that
/// was only briefly unreachable (a long pause) still loses its calls to another node; its
/// endpoints then go silent and are released there.
/// </summary>
public sealed class MediaNodeWatch : ReceiveActor, IWithTimers
{
    private const int Attempts = 5;
    private readonly IActorRef _sessions;
    private readonly bool _subscribed;

    public MediaNodeWatch(IActorRef sessions, bool subscribe)
    {
        _sessions = sessions;
        _subscribed = subscribe;
        if (subscribe)
        {
            Akka.Cluster.Cluster.Get(Context.System).Subscribe(Self, ClusterEvent.InitialStateAsEvents, typeof(ClusterEvent.UnreachableMember));
        }

        Receive<ClusterEvent.UnreachableMember>(u =>
        {
            if (u.Member.HasRole(NodeSettings.MediaRole))
            {
                Self.Tell(new Unreachable(u.Member.Address.ToString(), 1));
            }
        });
        Receive<Unreachable>(u => _sessions
            .Ask<CurrentShardRegionState>(GetShardRegionState.Instance, TimeSpan.FromSeconds(5))
            .PipeTo(Self, success: state => new Notify(u.MediaNode, state), failure: _ => new Retry(u)));
        Receive<Retry>(r =>
        {
            if (r.Of.Attempt < Attempts)
            {
                Timers.StartSingleTimer(r.Of, r.Of with { Attempt = r.Of.Attempt + 1 }, TimeSpan.FromSeconds(1));
            }
        });
        Receive<Notify>(n =>
        {
            foreach (var id in n.State.Shards.SelectMany(s => s.EntityIds))
            {
                _sessions.Tell(new MediaNodeLost(new SessionId(id), n.MediaNode));
            }
        });
        Receive<ClusterEvent.IClusterDomainEvent>(_ => { });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props; <paramref name="subscribe"/> false leaves cluster events out (tests send <see cref="Unreachable"/>).</summary>
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

    /// <summary>The media member at <paramref name="MediaNode"/> (an Akka address) is unreachable; <paramref name="Attempt"/> counts asks of the region (at most 5).</summary>
    public sealed record Unreachable(string MediaNode, int Attempt = 1);

    private sealed record Notify(string MediaNode, CurrentShardRegionState State);

    private sealed record Retry(Unreachable Of);
}
