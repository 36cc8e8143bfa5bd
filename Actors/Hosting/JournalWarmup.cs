using Akka.Actor;
using Akka.Event;
using Akka.Persistence;

namespace CallCluster.Actors.Hosting;

/// <summary>
/// Recovers one persistence id that nothing ever writes, once, when the node starts, then stops.
/// The journal and snapshot plugins start lazily, on the first recovery: they open their
/// connections, check the schema and compile their queries, which took about a second in the node
/// logs. Without this, that second fell on the first sessions a freshly (re)started node took over
/// from a lost node, while their calls waited for a re-INVITE; now it is paid at start-up, and
/// the node reports ready only once it is paid (<see cref="JournalWarmupStatus"/>).
/// </summary>
public sealed class JournalWarmup : UntypedPersistentActor
{
    public const string Id = "callcluster-journal-warmup";

    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly DateTimeOffset _started;

    public JournalWarmup()
    {
        _started = Context.System.Scheduler.Now;
    }

    public override string PersistenceId => Id;

    public static Props Props() => Akka.Actor.Props.Create(() => new JournalWarmup());

    protected override void OnRecover(object message)
    {
        if (message is RecoveryCompleted)
        {
            _log.Info("Journal and snapshot store ready after {0:0} ms", (Context.System.Scheduler.Now - _started).TotalMilliseconds);
            JournalWarmupStatus.Get(Context.System).Finish();
            Context.Stop(Self);
        }
    }

    protected override void OnCommand(object message) => Unhandled(message);

    protected override void OnRecoveryFailure(Exception reason, object? message = null)
    {
        _log.Warning("Journal warm-up recovery failed ({0}); the first session recovery will open the journal", reason.Message);
        JournalWarmupStatus.Get(Context.System).Finish();
    }
}
