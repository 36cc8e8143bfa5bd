using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace CallCluster.Actors.Sessions;

/// <summary>
/// The immutable state of one session. <see cref="Decide"/> turns a command into events, effects
/// and a reply without changing anything; <see cref="Apply"/> folds one event in. Replaying a
/// session's events from <see cref="Empty"/> gives back the same state.
/// </summary>
public sealed record SessionState(SessionId Id)
{
    public SessionKind Kind { get; init; }

    public SessionPhase Phase { get; init; } = SessionPhase.Idle;

    /// <summary>Who started the session: the caller, the mobile (home, click-to-call).</summary>
    public Party? Originator { get; init; }

    /// <summary>True when media goes through media endpoints; false when SDP passes end to end.</summary>
    public bool AnchorMedia { get; init; }

    public ImmutableList<LegState> Legs { get; init; } = ImmutableList<LegState>.Empty;

    public MediaTopology? Topology { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? AnsweredAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public SessionEndReason? EndReason { get; init; }

    public int? EndStatus { get; init; }

    /// <summary>A session that does not exist yet.</summary>
    public static SessionState Empty(SessionId id) => new(id);

    [JsonIgnore]
    public bool Exists => Phase != SessionPhase.Idle;

    /// <summary>True once every leg is over (CDR pending or written).</summary>
    [JsonIgnore]
    public bool IsOver => Phase is SessionPhase.Ending or SessionPhase.Ended;

    public LegState? Leg(LegId id) => Legs.Find(l => l.Id == id);

    [JsonIgnore]
    public IEnumerable<LegState> LiveLegs => Legs.Where(l => l.IsLive);

    /// <summary>An established leg of an anchored session has no endpoint: its re-anchoring is under way.</summary>
    [JsonIgnore]
    public bool AwaitsReanchoring => AnchorMedia && !IsOver && LiveLegs.Any(l => l.IsConnected && l.EndpointId is null);

    /// <summary>Decides what <paramref name="command"/> means in this state. Pure.</summary>
    public Decision Decide(ISessionCommand command, DateTimeOffset now) => SessionDecider.Decide(this, command, now);

    /// <summary>Folds <paramref name="sessionEvent"/> into the state. Pure and total.</summary>
    public SessionState Apply(ISessionEvent sessionEvent) => SessionEvolver.Apply(this, sessionEvent);

    /// <summary>Replays events from an empty state.</summary>
    public static SessionState Replay(SessionId id, IEnumerable<ISessionEvent> events) =>
        events.Aggregate(Empty(id), (state, e) => state.Apply(e));

    public bool Equals(SessionState? other) =>
        other is not null
        && Id == other.Id && Kind == other.Kind && Phase == other.Phase && Originator == other.Originator
        && AnchorMedia == other.AnchorMedia && Legs.SequenceEqual(other.Legs) && Equals(Topology, other.Topology)
        && CreatedAt == other.CreatedAt && AnsweredAt == other.AnsweredAt && EndedAt == other.EndedAt
        && EndReason == other.EndReason && EndStatus == other.EndStatus;

    public override int GetHashCode() => HashCode.Combine(Id, Phase, Legs.Count);
}
