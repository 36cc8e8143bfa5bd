namespace CallCluster.Actors.Sessions;

/// <summary>
/// What <see cref="SessionState.Decide"/> returns: events to persist, then effects to run and the
/// reply, and the state those events lead to (the decider applies each event as it emits it, so
/// the actor takes <see cref="After"/> once they are persisted instead of folding them again).
/// </summary>
public sealed record Decision(IReadOnlyList<ISessionEvent> Events, IReadOnlyList<ISessionEffect> Effects, ISessionReply Reply, SessionState After);
