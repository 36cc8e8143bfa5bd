using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Event;
using Akka.Persistence;
using static CallCluster.Actors.Registration.RegistrationCommands;
using static CallCluster.Actors.Registration.RegistrationEvents;
using static CallCluster.Actors.Registration.RegistrationReplies;

namespace CallCluster.Actors.Registration;

/// <summary>
/// The bindings of one AOR (sharded, persistent, id = AOR). Replies after persisting, expires
/// contacts on the Akka scheduler, and passivates once nothing is bound.
/// </summary>
public sealed class RegistrationEntity : ReceivePersistentActor, IWithTimers
{
    public const int SnapshotEvery = 50;
    private const string ExpiryTimer = "expiry";
    private const string PassivateTimer = "passivate";

    /// <summary>How long an entity with no contacts stays up before it passivates.</summary>
    public static readonly TimeSpan PassivateAfter = TimeSpan.FromSeconds(2);

    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly string _aor;
    private readonly RegistrationPolicy _policy;
    private RegistrationState _state = RegistrationState.Empty;

    public RegistrationEntity(string aor, RegistrationPolicy policy)
    {
        _aor = aor;
        _policy = policy;
        Recover<SnapshotOffer>(o =>
        {
            if (o.Snapshot is BindingsChanged b)
            {
                _state = RegistrationState.Of(b.Contacts);
            }
        });
        Recover<BindingsChanged>(b => _state = RegistrationState.Of(b.Contacts));
        Recover<RecoveryCompleted>(_ => AfterRecovery());
        Command<Register>(Handle);
        Command<GetBindings>(_ => Sender.Tell(new Bindings(_aor, _state.Prune(Now).Contacts, Now)));
        Command<ExpiryTick>(_ => Expire());
        Command<PassivateTick>(_ => PassivateIfEmpty());
        Command<SaveSnapshotSuccess>(s => DeleteMessages(s.Metadata.SequenceNr));
        Command<SaveSnapshotFailure>(f => _log.Warning(f.Cause, "Registration snapshot of {0} failed", _aor));
        Command<DeleteMessagesSuccess>(d => DeleteSnapshots(new SnapshotSelectionCriteria(d.ToSequenceNr - 1)));
        Command<DeleteMessagesFailure>(_ => { });
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(_ => { });
    }

    public override string PersistenceId => PersistenceIdOf(_aor);

    public ITimerScheduler Timers { get; set; } = null!;

    private DateTimeOffset Now => Context.System.Scheduler.Now;

    public static string PersistenceIdOf(string aor) => $"registration-{aor}";

    public static Props Props(string aor, RegistrationPolicy? policy = null) =>
        Hosting.DirectProps.Of(() => new RegistrationEntity(aor, policy ?? RegistrationPolicy.Default));

    private void Handle(Register command)
    {
        if (!string.Equals(command.Aor, _aor, StringComparison.Ordinal))
        {
            Sender.Tell(new Rejected(command.Aor ?? "", 400, "Address of record does not match this entity"));
            return;
        }

        var outcome = RegistrationRules.Decide(_state, command, Now, _policy);
        if (outcome.Rejection is not null)
        {
            Sender.Tell(outcome.Rejection);
            return;
        }

        Change(outcome.State!, Sender);
    }

    private void Expire()
    {
        Change(_state.Prune(Now), null);
    }

    private void AfterRecovery()
    {
        var pruned = _state.Prune(Now);
        if (!pruned.SameAs(_state))
        {
            Self.Tell(ExpiryTick.Instance);
            return;
        }

        ScheduleOrPassivate();
    }

    private void Change(RegistrationState next, IActorRef? replyTo)
    {
        if (next.SameAs(_state))
        {
            replyTo?.Tell(new Bindings(_aor, _state.Contacts, Now));
            ScheduleOrPassivate();
            return;
        }

        Persist(new BindingsChanged(next.Contacts), e =>
        {
            _state = next;
            replyTo?.Tell(new Bindings(_aor, _state.Contacts, Now));
            if (LastSequenceNr % SnapshotEvery == 0)
            {
                SaveSnapshot(e);
            }

            ScheduleOrPassivate();
        });
    }

    private void ScheduleOrPassivate()
    {
        var next = _state.NextExpiry;
        if (next is null)
        {
            Timers.Cancel(ExpiryTimer);
            if (!Timers.IsTimerActive(PassivateTimer))
            {
                Timers.StartSingleTimer(PassivateTimer, PassivateTick.Instance, PassivateAfter);
            }

            return;
        }

        Timers.Cancel(PassivateTimer);
        var delay = next.Value - Now;
        Timers.StartSingleTimer(ExpiryTimer, ExpiryTick.Instance, delay < TimeSpan.Zero ? TimeSpan.Zero : delay);
    }

    private void PassivateIfEmpty()
    {
        if (_state.IsEmpty)
        {
            Context.Parent.Tell(new Passivate(PoisonPill.Instance));
        }
    }

    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        _log.Error(cause, "Registration event of {0} rejected", _aor);
        base.OnPersistRejected(cause, @event, sequenceNr);
    }

    private sealed record PassivateTick
    {
        public static PassivateTick Instance { get; } = new();
    }

    private sealed record ExpiryTick
    {
        public static ExpiryTick Instance { get; } = new();
    }
}
