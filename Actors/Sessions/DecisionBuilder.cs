using static CallCluster.Actors.Sessions.SessionReplies;

namespace CallCluster.Actors.Sessions;

/// <summary>Collects one decision: each emitted event is applied at once so later rules see it.</summary>
internal sealed class DecisionBuilder(SessionState state, DateTimeOffset now)
{
    private readonly List<ISessionEvent> _events = [];
    private readonly List<ISessionEffect> _effects = [];

    public SessionState State { get; private set; } = state;

    public DateTimeOffset Now { get; } = now;

    public SessionId Id => State.Id;

    /// <summary>Why the session ends if it ends during this decision (first cause wins).</summary>
    public SessionEndReason? Reason { get; private set; }

    public int? ReasonStatus { get; private set; }

    public void Emit(ISessionEvent sessionEvent)
    {
        _events.Add(sessionEvent);
        State = State.Apply(sessionEvent);
    }

    public void Do(ISessionEffect effect) => _effects.Add(effect);

    public void SetReason(SessionEndReason reason, int? status = null)
    {
        if (Reason is null)
        {
            Reason = reason;
            ReasonStatus = status;
        }
    }

    /// <summary>The current version of a leg (after the events emitted so far).</summary>
    public LegState LegNow(LegId id) => State.Leg(id) ?? throw new InvalidOperationException($"leg {id} is unknown");

    public ISessionReply Accept() => new Accepted(Id);

    public ISessionReply Reject(int status, string reason) => new Rejected(Id, status, reason);

    public Decision Build(ISessionReply reply) => new(_events.ToArray(), _effects.ToArray(), reply, State);
}
