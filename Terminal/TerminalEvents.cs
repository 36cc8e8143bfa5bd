namespace CallCluster.Terminal;

/// <summary>Something the terminal reports; each becomes one JSON line (see README.md).</summary>
/// <param name="Time">When it happened.</param>
public abstract record TerminalEvent(DateTimeOffset Time)
{
    /// <summary>The JSON "event" name.</summary>
    public abstract string Kind { get; }
}

/// <summary>A registration (or refresh) was accepted.</summary>
public sealed record RegisteredEvent(DateTimeOffset Time, string Aor, int Expires, string Algorithm) : TerminalEvent(Time)
{
    /// <inheritdoc/>
    public override string Kind => "registered";
}

/// <summary>A registration was refused or timed out; also reported after unregistering (Status 0).</summary>
public sealed record RegistrationFailedEvent(DateTimeOffset Time, string Aor, int Status, string Reason) : TerminalEvent(Time)
{
    /// <inheritdoc/>
    public override string Kind => "registration-failed";
}

/// <summary>An INVITE arrived; <paramref name="Decision"/> is auto-answer, ring-then-answer or ring-then-reject.</summary>
public sealed record IncomingCallEvent(
    DateTimeOffset Time,
    string CallId,
    string Caller,
    string? AssertedIdentity,
    bool CallerBound,
    string? AnswerMode,
    bool CallInfoAnswerAfter,
    bool AlertInfoAutoAnswer,
    string Decision) : TerminalEvent(Time)
{
    /// <inheritdoc/>
    public override string Kind => "incoming-call";
}

/// <summary>A call was answered: by us (auto or after ringing) or, for outgoing calls, by the peer.</summary>
public sealed record CallAnsweredEvent(DateTimeOffset Time, string CallId, string Direction, string How, string Peer) : TerminalEvent(Time)
{
    /// <inheritdoc/>
    public override string Kind => "answered";
}

/// <summary>A call changed state (calling, ringing, early, established, refreshed, updated).</summary>
public sealed record CallStateEvent(DateTimeOffset Time, string CallId, string State, int? Status) : TerminalEvent(Time)
{
    /// <inheritdoc/>
    public override string Kind => "call-state";
}

/// <summary>Periodic media statistics of a call.</summary>
public sealed record MediaStatsEvent(DateTimeOffset Time, string CallId, IReadOnlyList<StreamStats> Streams) : TerminalEvent(Time)
{
    /// <inheritdoc/>
    public override string Kind => "media";
}

/// <summary>A call ended; <paramref name="Reason"/> says why (local-bye, remote-bye, rejected, cancelled, ...).</summary>
public sealed record CallEndedEvent(DateTimeOffset Time, string CallId, string Reason, int? Status) : TerminalEvent(Time)
{
    /// <inheritdoc/>
    public override string Kind => "ended";
}

/// <summary>Something went wrong while handling a message or timer; the terminal keeps running.</summary>
public sealed record TerminalErrorEvent(DateTimeOffset Time, string Message) : TerminalEvent(Time)
{
    /// <inheritdoc/>
    public override string Kind => "error";
}
