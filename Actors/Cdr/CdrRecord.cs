using CallCluster.Actors.Serialization;

namespace CallCluster.Actors.Cdr;

/// <summary>Call detail record: exactly one per ended session, keyed by <see cref="SessionId"/>.</summary>
/// <param name="SessionId">The session's id (primary key of table <c>cdr</c>).</param>
/// <param name="Kind">Session kind as text, for example <c>home</c>, <c>plain</c>, <c>transit</c>.</param>
/// <param name="Parties">The parties' addresses (AORs or numbers), caller first.</param>
/// <param name="Legs">One entry per leg (dialog) of the session.</param>
/// <param name="Start">When the session was created.</param>
/// <param name="Answer">When the session was first answered; null when never answered.</param>
/// <param name="End">When the session ended.</param>
/// <param name="Duration">Talk time: End - Answer, or zero when never answered.</param>
/// <param name="EndReason">Why the session ended, for example <c>normal</c>, <c>busy</c>, <c>no-answer</c>.</param>
public sealed record CdrRecord(
    string SessionId,
    string Kind,
    IReadOnlyList<string> Parties,
    IReadOnlyList<CdrLeg> Legs,
    DateTimeOffset Start,
    DateTimeOffset? Answer,
    DateTimeOffset End,
    TimeSpan Duration,
    string EndReason) : ICallClusterMessage;

/// <summary>One leg of a CDR.</summary>
/// <param name="Role">The leg's role, for example <c>mobile</c>, <c>local</c>, <c>remote</c>, <c>caller</c>, <c>callee</c>.</param>
/// <param name="Target">The address the leg reached.</param>
/// <param name="Answered">When the leg was answered; null when never answered.</param>
/// <param name="Ended">When the leg ended; null when it ended with the session.</param>
/// <param name="EndReason">Why the leg ended; null when it ended with the session.</param>
public sealed record CdrLeg(
    string Role,
    string Target,
    DateTimeOffset? Answered,
    DateTimeOffset? Ended,
    string? EndReason);
