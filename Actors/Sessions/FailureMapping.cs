namespace CallCluster.Actors.Sessions;

/// <summary>How a final error on an outbound leg becomes the status sent upstream and the session's end reason.</summary>
public static class FailureMapping
{
    /// <summary>
    /// Status for the calling side: 4xx and 6xx pass through, except authentication challenges
    /// (401, 407: the callee's credentials are not the caller's business) and redirects (not
    /// followed), which become 502 and 480; 5xx becomes 502 so the caller never retries elsewhere
    /// because of a 503 meant for the cluster.
    /// </summary>
    public static int ToCaller(int status) => status switch
    {
        401 or 407 => 502,
        >= 300 and < 400 => 480,
        >= 400 and < 500 => status,
        >= 500 and < 600 => 502,
        >= 600 and < 700 => status,
        _ => 500,
    };

    /// <summary>Reason for a plain call's callee failing with <paramref name="status"/>.</summary>
    public static SessionEndReason ForCallee(int status) => Classify(status) switch
    {
        Outcome.Busy => SessionEndReason.CalleeBusy,
        Outcome.NoAnswer => SessionEndReason.CalleeNoAnswer,
        Outcome.Unavailable => SessionEndReason.CalleeUnavailable,
        _ => SessionEndReason.CalleeRejected,
    };

    /// <summary>Reason for a home or click-to-call leg of <paramref name="role"/> failing with <paramref name="status"/>.</summary>
    public static SessionEndReason ForRole(LegRole role, int status) => (role, Classify(status)) switch
    {
        (LegRole.LocalTerminal, Outcome.Unavailable or Outcome.NoAnswer) => SessionEndReason.LocalTerminalUnavailable,
        (LegRole.LocalTerminal, _) => SessionEndReason.LocalTerminalRejected,
        (LegRole.Remote, Outcome.Busy) => SessionEndReason.RemoteBusy,
        (LegRole.Remote, Outcome.NoAnswer) => SessionEndReason.RemoteNoAnswer,
        (LegRole.Remote, Outcome.Unavailable) => SessionEndReason.RemoteUnavailable,
        (LegRole.Remote, _) => SessionEndReason.RemoteRejected,
        (LegRole.Mobile, _) => SessionEndReason.MobileUnavailable,
        _ => ForCallee(status),
    };

    private enum Outcome
    {
        Busy,
        NoAnswer,
        Unavailable,
        Rejected,
    }

    private static Outcome Classify(int status) => status switch
    {
        486 or 600 => Outcome.Busy,
        408 => Outcome.NoAnswer,
        404 or 410 or 480 or 484 or 604 or (>= 500 and < 600) => Outcome.Unavailable,
        _ => Outcome.Rejected,
    };
}
