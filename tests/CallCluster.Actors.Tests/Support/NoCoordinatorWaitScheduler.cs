using Akka.Actor;
using Akka.Configuration;
using Akka.Dispatch;
using Akka.Event;

namespace CallCluster.Actors.Tests.Support;

/// <summary>
/// The default scheduler, except that it never delivers the message a shard coordinator schedules
/// to itself to end its initial wait (<c>ShardCoordinator+StateInitialized</c>). With it a moved
/// coordinator stays in that wait for good unless something else ends it, which makes the
/// difference <see cref="CallCluster.Actors.Membership.CoordinatorActivation"/> makes visible
/// without measuring any time. Selected with <c>akka.scheduler.implementation</c>.
/// </summary>
public sealed class NoCoordinatorWaitScheduler : SchedulerBase, IDisposable
{
    private readonly HashedWheelTimerScheduler _inner;

    public NoCoordinatorWaitScheduler(Config scheduler, ILoggingAdapter log)
        : base(scheduler, log)
    {
        _inner = new HashedWheelTimerScheduler(scheduler, log);
    }

    public const string Hocon = $"akka.scheduler.implementation = \"{nameof(CallCluster)}.Actors.Tests.Support.{nameof(NoCoordinatorWaitScheduler)}, CallCluster.Actors.Tests\"";

    public override TimeSpan MonotonicClock => _inner.MonotonicClock;

    public override TimeSpan HighResMonotonicClock => _inner.HighResMonotonicClock;

    protected override DateTimeOffset TimeNow => ((ITimeProvider)_inner).Now;

    public void Dispose() => _inner.Dispose();

    protected override void InternalScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef sender, ICancelable cancelable)
    {
        if (message.GetType().FullName == "Akka.Cluster.Sharding.ShardCoordinator+StateInitialized")
        {
            return;
        }

        ((ITellScheduler)_inner).ScheduleTellOnce(delay, receiver, message, sender, cancelable);
    }

    protected override void InternalScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef sender, ICancelable cancelable) =>
        ((ITellScheduler)_inner).ScheduleTellRepeatedly(initialDelay, interval, receiver, message, sender, cancelable);

    protected override void InternalScheduleOnce(TimeSpan delay, Action action, ICancelable cancelable) =>
        ((IActionScheduler)_inner).ScheduleOnce(delay, action, cancelable);

    protected override void InternalScheduleOnce(TimeSpan delay, IRunnable action, ICancelable cancelable) =>
        ((IRunnableScheduler)_inner).ScheduleOnce(delay, action, cancelable);

    protected override void InternalScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action, ICancelable cancelable) =>
        ((IActionScheduler)_inner).ScheduleRepeatedly(initialDelay, interval, action, cancelable);

    protected override void InternalScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, IRunnable action, ICancelable cancelable) =>
        ((IRunnableScheduler)_inner).ScheduleRepeatedly(initialDelay, interval, action, cancelable);
}
