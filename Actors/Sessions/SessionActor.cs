using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Event;
using Akka.Persistence;
using CallCluster.Actors.Cdr;
using CallCluster.Actors.MediaProtocol;
using CallCluster.Actors.Persistence;
using CallCluster.Actors.Serialization;
using CallCluster.Actors.Sessions.Media;
using static CallCluster.Actors.Sessions.SessionCommands;
using static CallCluster.Actors.Sessions.SessionReplies;

namespace CallCluster.Actors.Sessions;

/// <summary>
/// The session entity: a thin persistent shell around <see cref="SessionState"/>. For each command
/// it decides, persists the durable events as one journal row (<see cref="SessionDurability"/>),
/// applies all of them, then runs the effects (SIP
/// to the gateway outbox, media to the media manager, the CDR to the writer) and replies. It
/// snapshots every <see cref="SessionSettings.SnapshotEvery"/> journal rows, keeps one
/// <see cref="LegActor"/> child per live leg, re-sends the CDR until confirmed (also after a
/// recovery), and passivates through its shard once the CDR is confirmed. A failing journal makes
/// it answer <see cref="Unavailable"/> (503) and apply nothing.
/// </summary>
public sealed partial class SessionActor : ReceivePersistentActor, IWithTimers
{
    private const string CdrTimer = "cdr";
    private const string JournalTimer = "journal";
    private const string MediaRetryTimer = "media-retry";

    private readonly IActorRef _gateway;
    private readonly IActorRef _media;
    private readonly IActorRef _cdrWriter;
    private readonly SessionSettings _settings;
    private readonly ISessionMediaAdapter _adapter;
    private readonly Dictionary<LegId, IActorRef> _legs = [];
    private readonly Dictionary<string, IActorRef> _mediaManagers = new(StringComparer.Ordinal);
    private readonly string? _mediaManagerPath;
    private MediaPlacement _placement = MediaPlacement.Empty;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private SessionState _state;
    private IActorRef? _pendingSender;
    private int _sinceSnapshot;
    private long _legChildren;
    private bool _journalFaulted;
    private bool _passivating;
    private readonly SessionStart _start;

    public SessionActor(
        string entityId, IActorRef gateway, IActorRef media, IActorRef cdrWriter, SessionSettings settings, ISessionMediaAdapter adapter, string? mediaManagerPath, SessionStart start = SessionStart.Recover)
    {
        PersistenceId = "session-" + entityId;
        _start = start;
        if (start == SessionStart.New)
        {
            NewPersistenceIds.Get(Context.System).Declare(PersistenceId);
        }

        _state = SessionState.Empty(new SessionId(entityId));
        _gateway = gateway;
        _media = media;
        _cdrWriter = cdrWriter;
        _settings = settings;
        _adapter = adapter;
        _mediaManagerPath = mediaManagerPath;

        Recover<SnapshotOffer>(offer =>
        {
            if (offer.Snapshot is SessionSnapshot snapshot)
            {
                _state = snapshot.State;
            }
        });
        Recover<ISessionEvent>(e => _state = _state.Apply(e));
        Recover<RecoveryCompleted>(_ => OnRecovered());

        Command<SessionQueries.GetSession>(OnGetSession);
        Command<CdrWritten>(w =>
        {
            if (w.SessionId == _state.Id.Value)
            {
                Handle(new ConfirmCdr(_state.Id), ActorRefs.Nobody);
            }
        });
        Command<CdrWriteFailed>(f => _log.Warning("CDR of session {0} not written yet: {1}", f.SessionId, f.Reason));
        Command<CdrRetry>(_ => SendCdr());
        Command<MediaRetryDue>(_ => Handle(new RetryMedia(_state.Id), ActorRefs.Nobody));
        Command<JournalRetry>(_ => _journalFaulted = false);
        Command<StopSession>(_ => Context.Stop(Self));
        Command<ISessionCommand>(c => Handle(c, Sender));
        Command<SaveSnapshotSuccess>(_ => { });
        Command<SaveSnapshotFailure>(f => _log.Warning(f.Cause, "Snapshot of {0} failed", PersistenceId));
        CommandAny(OnOther);
    }

    public override string PersistenceId { get; }

    /// <summary>
    /// The recovery of a session started by the command that creates it: no snapshot asked for (a
    /// new id has none), the journal replayed from its first row (a new id has none either; a
    /// session started this way by mistake still gets every event back, only without the shortcut).
    /// A <see cref="SessionStart.New"/> session's id is also declared in <see cref="NewPersistenceIds"/>,
    /// so that the journal answers its highest sequence number without a query.
    /// </summary>
    public static Recovery FreshRecovery => new(SnapshotSelectionCriteria.None);

    /// <inheritdoc />
    public override Recovery Recovery => _start == SessionStart.Recover ? base.Recovery : FreshRecovery;

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>
    /// Props of the entity <paramref name="entityId"/>. SIP effects go to <paramref name="gatewayOutbox"/>,
    /// media commands to <paramref name="mediaManager"/> (through <paramref name="mediaAdapter"/>, by
    /// default <see cref="MediaProtocolAdapter"/>), <see cref="WriteCdr"/> to <paramref name="cdrWriter"/>.
    /// Once a media node holds the session's endpoints, commands go to that node (<see cref="MediaPlacement"/>):
    /// to the media actor that answered, or after a recovery to <paramref name="mediaManagerPath"/> on
    /// the node's address; without a path they go to <paramref name="mediaManager"/>.
    /// <paramref name="start"/>: how the entity is started (<see cref="SessionHost"/>). Only the first
    /// instance built from these props starts <see cref="SessionStart.New"/>: one restarted by its
    /// supervisor after a failure has rows in the journal, and recovers <see cref="SessionStart.WithoutSnapshot"/>.
    /// </summary>
    public static Props Props(
        string entityId,
        IActorRef gatewayOutbox,
        IActorRef mediaManager,
        IActorRef cdrWriter,
        SessionSettings? settings = null,
        ISessionMediaAdapter? mediaAdapter = null,
        string? mediaManagerPath = null,
        SessionStart start = SessionStart.Recover)
    {
        var once = new StartOnce(start);
        return Hosting.DirectProps.Of(() => new SessionActor(
            entityId,
            gatewayOutbox,
            mediaManager,
            cdrWriter,
            settings ?? SessionSettings.Default,
            mediaAdapter ?? new MediaProtocolAdapter(null),
            mediaManagerPath,
            once.Take()));
    }

    private void OnOther(object message)
    {
        if (message is Terminated gone)
        {
            // The media actor that allocated our endpoints is gone (its node left or crashed).
            foreach (var node in _mediaManagers.Where(m => m.Value.Equals(gone.ActorRef)).Select(m => m.Key).ToList())
            {
                _mediaManagers.Remove(node);
            }

            Handle(new MediaNodeLost(_state.Id, gone.ActorRef.Path.Address.ToString()), ActorRefs.Nobody);
            return;
        }

        var command = _adapter.FromMedia(message, _state, Sender.Path.Address.ToString());
        if (command is MediaEndpointReady ready && !Sender.IsNobody())
        {
            _placement = _placement.Anchored(ready.EndpointId, ready.MediaNode);
            _mediaManagers[ready.MediaNode] = Sender;
            Context.Watch(Sender);
        }

        switch (command, message)
        {
            case (not null, _):
                Handle(command, ActorRefs.Nobody);
                break;
            case (_, MediaCommandFailed failed):
                _log.Warning("Media command of session {0} failed: {1}", failed.SessionId, failed.Reason);
                break;
            case (_, ICallClusterMessage):
                // Media acknowledgements (configured, mix created, released): nothing to decide.
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void OnGetSession(SessionQueries.GetSession query)
    {
        if (_state.Exists)
        {
            Sender.Tell(SessionView.From(_state));
            return;
        }

        Sender.Tell(new SessionQueries.SessionNotFound(query.SessionId));
        Passivate();
    }

    private void Handle(ISessionCommand command, IActorRef replyTo)
    {
        if (_journalFaulted)
        {
            replyTo.Tell(new Unavailable(_state.Id, 503, _settings.RetryAfterSeconds, "session journal unavailable"));
            return;
        }

        NotifyLegs(command);
        if (command is MediaNodeLost lost)
        {
            _placement = _placement.Lost(lost.MediaNode);
            _mediaManagers.Remove(lost.MediaNode);
        }

        var decision = _state.Decide(command, Context.System.Scheduler.Now);
        var journal = SessionDurability.ToJournal(_state.Id, decision.Events);
        if (journal is null)
        {
            Adopt(decision);
            Complete(decision, replyTo);
            return;
        }

        _pendingSender = replyTo;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        Persist(journal, _ =>
        {
            SessionMetrics.JournalWritten(System.Diagnostics.Stopwatch.GetElapsedTime(started));
            _sinceSnapshot++;
            Adopt(decision);
            _pendingSender = null;
            Complete(decision, replyTo);
        });
    }

    /// <summary>Takes the state the decision's events lead to (commands wait while they are persisted, so nothing changed meanwhile).</summary>
    private void Adopt(Decision decision)
    {
        _state = decision.After;
        foreach (var e in decision.Events)
        {
            SessionMetrics.Persisted(e);
        }
    }

    private void Complete(Decision decision, IActorRef replyTo)
    {
        foreach (var effect in decision.Effects)
        {
            Execute(effect);
        }

        replyTo.Tell(decision.Reply);
        SyncLegs();
        ArmMediaRetry();
        MaybeSnapshot();
        if (_state.Phase == SessionPhase.Ended || !_state.Exists)
        {
            Timers.Cancel(CdrTimer);
            Passivate();
        }
    }
}
