using CallCluster.Actors.Sessions;

namespace CallCluster.Host.Http;

/// <summary>A session as GET /api/v1/sessions/{id} shows it: kind, phase, times and legs.</summary>
public sealed record SessionResource(
    string Id,
    SessionKind Kind,
    SessionPhase Phase,
    DateTimeOffset? Started,
    DateTimeOffset? Answered,
    DateTimeOffset? Ended,
    string? EndReason,
    IReadOnlyList<LegResource> Legs)
{
    public static SessionResource From(SessionView view) => new(
        view.SessionId.Value,
        view.Kind,
        view.Phase,
        view.Started,
        view.Answered,
        view.Ended,
        view.EndReason,
        view.Legs.Select(LegResource.From).ToList());
}

/// <summary>One leg (SIP dialog) of a session.</summary>
public sealed record LegResource(
    string Id,
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
    public static LegResource From(LegView leg) => new(
        leg.LegId.Value, leg.Role, leg.Direction, leg.Phase, leg.Peer, leg.Added, leg.Answered, leg.Ended, leg.EndCause, leg.EndStatus);
}
