namespace CallCluster.Actors.Sessions;

/// <summary>Read-only questions to a session (HTTP API): answered from memory, nothing persisted.</summary>
public static class SessionQueries
{
    /// <summary>Replies <see cref="SessionView"/>, or <see cref="SessionNotFound"/> when the session never existed.</summary>
    public sealed record GetSession(SessionId SessionId) : ISessionCommand;

    public sealed record SessionNotFound(SessionId SessionId) : ISessionReply;
}

/// <summary>A session as the HTTP API shows it.</summary>
public sealed record SessionView(
    SessionId SessionId,
    SessionKind Kind,
    SessionPhase Phase,
    IReadOnlyList<LegView> Legs,
    DateTimeOffset? Started,
    DateTimeOffset? Answered,
    DateTimeOffset? Ended,
    string? EndReason) : ISessionReply
{
    public static SessionView From(SessionState s) => new(
        s.Id,
        s.Kind,
        s.Phase,
        s.Legs.Select(LegView.From).ToList(),
        s.CreatedAt,
        s.AnsweredAt,
        s.EndedAt,
        s.EndReason?.ToCdrText());
}

/// <summary>One leg as the HTTP API shows it.</summary>
public sealed record LegView(
    LegId LegId,
    LegRole Role,
    LegDirection Direction,
    LegPhase Phase,
    string Peer,
    DateTimeOffset Added,
    DateTimeOffset? Answered,
    DateTimeOffset? Ended,
    LegEndCause? EndCause,
    int? EndStatus)
{
    public static LegView From(LegState l) =>
        new(l.Id, l.Role, l.Direction, l.Phase, l.Peer.Uri, l.AddedAt, l.AnsweredAt, l.EndedAt, l.EndCause, l.EndStatus);
}
