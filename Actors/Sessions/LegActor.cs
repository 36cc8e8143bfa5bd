using Akka.Actor;

namespace CallCluster.Actors.Sessions;

/// <summary>
/// Child of a session, one per live leg. The session's state stays the single source of truth
/// (persisted with the session); the child holds a view of its leg (dialog, SDP, endpoint) and
/// runs the leg's RFC 4028 session timer: when no refresh arrives within the session interval
/// after the leg is connected, it tells its session <see cref="SessionCommands.SessionTimerExpired"/>.
/// A recovered session recreates its children, so the timer restarts in full after a failover.
/// </summary>
public sealed class LegActor : ReceiveActor, IWithTimers
{
    private const string TimerKey = "session-timer";
    private readonly SessionId _sessionId;
    private readonly TimeSpan _interval;
    private LegState _leg;

    public LegActor(SessionId sessionId, LegState leg, TimeSpan interval)
    {
        _sessionId = sessionId;
        _leg = leg;
        _interval = interval;
        Receive<LegUpdated>(OnUpdated);
        Receive<LegRefreshed>(_ => RestartTimer());
        Receive<GetLeg>(_ => Sender.Tell(_leg));
        Receive<TimerFired>(_ => Context.Parent.Tell(new SessionCommands.SessionTimerExpired(_sessionId, _leg.Id)));
        Receive<ISessionReply>(_ => { });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(SessionId sessionId, LegState leg, TimeSpan interval) =>
        Hosting.DirectProps.Of(() => new LegActor(sessionId, leg, interval));

    protected override void PreStart()
    {
        if (_leg.IsConnected)
        {
            RestartTimer();
        }
    }

    private void OnUpdated(LegUpdated update)
    {
        var wasConnected = _leg.IsConnected;
        _leg = update.Leg;
        if (_leg.IsConnected && !wasConnected)
        {
            RestartTimer();
        }
    }

    private void RestartTimer() => Timers.StartSingleTimer(TimerKey, TimerFired.Instance, _interval);

    /// <summary>The session's new view of the leg.</summary>
    public sealed record LegUpdated(LegState Leg);

    /// <summary>The terminal refreshed the session (re-INVITE, UPDATE or an explicit refresh).</summary>
    public sealed record LegRefreshed
    {
        public static LegRefreshed Instance { get; } = new();
    }

    /// <summary>Replies the child's <see cref="LegState"/>.</summary>
    public sealed record GetLeg
    {
        public static GetLeg Instance { get; } = new();
    }

    private sealed record TimerFired
    {
        public static TimerFired Instance { get; } = new();
    }
}
