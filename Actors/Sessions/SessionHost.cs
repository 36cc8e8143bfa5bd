using Akka.Actor;
using Akka.Cluster.Sharding;
using static CallCluster.Actors.Sessions.SessionCommands;

namespace CallCluster.Actors.Sessions;

/// <summary>
/// The sharded session entity: a plain actor that starts the persistent <see cref="SessionActor"/>
/// as its only child and forwards every message to it (the sender kept). It exists to tell the
/// session how it is being started, which only the first message shows, while a persistent actor
/// chooses its recovery before it receives anything:
/// <list type="bullet">
/// <item>the first copy of the command that minted the session's id (<see cref="InboundInvite"/>
/// with <see cref="InboundInvite.NewSession"/>, <see cref="StartClickToCall"/>, sent once):
/// <see cref="SessionStart.New"/>, no database read at all;</item>
/// <item>any other <see cref="InboundInvite"/> (a resent copy, the mobile's second call joining):
/// <see cref="SessionStart.WithoutSnapshot"/>, the snapshot store not asked;</item>
/// <item>anything else (remember-entities restarting it on another node, an in-dialog request
/// after a move): <see cref="SessionStart.Recover"/>, from the latest snapshot as usual.</item>
/// </list>
/// Skipping the snapshot costs time, never state: the session's journal keeps every row
/// (snapshots never delete events), so recovering without the snapshot replays them all. The child's <see cref="Passivate"/> goes to the shard as this actor's;
/// the shard's stop message is forwarded, and this actor stops when its child has.
/// </summary>
public sealed class SessionHost : ReceiveActor, IWithTimers
{
    private const string StartTimer = "start";
    private readonly Func<SessionStart, Props> _session;
    private IActorRef? _child;

    public SessionHost(Func<SessionStart, Props> session)
    {
        _session = session;
        Receive<Start>(_ => StartChild(SessionStart.Recover));
        Receive<Passivate>(p =>
        {
            if (Sender.Equals(_child))
            {
                Context.Parent.Tell(p);
            }
        });
        Receive<Terminated>(t =>
        {
            if (t.ActorRef.Equals(_child))
            {
                Context.Stop(Self);
            }
        });
        ReceiveAny(message =>
        {
            StartChild(message switch
            {
                InboundInvite { NewSession: true } or StartClickToCall => SessionStart.New,
                InboundInvite => SessionStart.WithoutSnapshot,
                _ => SessionStart.Recover,
            });
            _child!.Forward(message);
        });
    }

    /// <summary>
    /// Props of a session entity; <paramref name="session"/> gives the <see cref="SessionActor"/>
    /// props for each way of starting.
    /// </summary>
    public static Props Props(Func<SessionStart, Props> session) =>
        Hosting.DirectProps.Of(() => new SessionHost(session));

    /// <summary>
    /// How long a host started without a message (a remembered entity restarted by its shard)
    /// waits before starting its session anyway: one tick of the scheduler. A shard that starts an
    /// entity for a message sends it at once, so the message comes first.
    /// </summary>
    public static TimeSpan StartDelay => TimeSpan.FromMilliseconds(1);

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart() => Timers.StartSingleTimer(StartTimer, Start.Instance, StartDelay);

    private void StartChild(SessionStart start)
    {
        if (_child is not null)
        {
            return;
        }

        Timers.Cancel(StartTimer);
        _child = Context.ActorOf(_session(start), "session");
        Context.Watch(_child);
    }

    private sealed record Start
    {
        public static Start Instance { get; } = new();
    }
}
