namespace CallCluster.Actors.Sessions;

/// <summary>What <see cref="SessionState.Decide"/> returns: events to persist, then effects to run and the reply.</summary>
public sealed record Decision(IReadOnlyList<ISessionEvent> Events, IReadOnlyList<ISessionEffect> Effects, ISessionReply Reply);
