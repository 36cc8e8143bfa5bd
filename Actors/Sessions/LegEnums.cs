namespace CallCluster.Actors.Sessions;

/// <summary>Who sent the leg's INVITE: the terminal (inbound) or the cluster (outbound).</summary>
public enum LegDirection
{
    Inbound = 0,
    Outbound = 1,
}

/// <summary>The part a leg's terminal plays in the session.</summary>
public enum LegRole
{
    /// <summary>The household's mobile phone (home and click-to-call sessions).</summary>
    Mobile = 0,

    /// <summary>The TV or set-top box bound to the mobile; called with auto-answer.</summary>
    LocalTerminal = 1,

    /// <summary>The other party of a home call.</summary>
    Remote = 2,

    /// <summary>The calling side of a plain call.</summary>
    Caller = 3,

    /// <summary>The called side of a plain call.</summary>
    Callee = 4,
}

/// <summary>Progress of one leg's INVITE dialog.</summary>
public enum LegPhase
{
    /// <summary>Outbound leg created; its INVITE waits for a media endpoint or an earlier leg.</summary>
    Pending = 0,

    /// <summary>INVITE sent (outbound) or received and not yet answered (inbound).</summary>
    Inviting = 1,

    /// <summary>A provisional response was received (outbound) or relayed (inbound).</summary>
    Early = 2,

    /// <summary>2xx received (outbound) or sent (inbound).</summary>
    Confirmed = 3,

    /// <summary>Over: BYE, CANCEL, rejection or session timer.</summary>
    Ended = 4,
}

/// <summary>Why a leg ended.</summary>
public enum LegEndCause
{
    /// <summary>The terminal sent BYE.</summary>
    ByeReceived = 0,

    /// <summary>The cluster sent BYE.</summary>
    ByeSent = 1,

    /// <summary>The terminal cancelled its INVITE.</summary>
    CancelReceived = 2,

    /// <summary>The cluster cancelled its INVITE.</summary>
    CancelSent = 3,

    /// <summary>The terminal answered our INVITE with a final error.</summary>
    Rejected = 4,

    /// <summary>The cluster answered the terminal's INVITE with a final error.</summary>
    RejectedByCluster = 5,

    /// <summary>No refresh arrived within the session interval (RFC 4028); the cluster sent BYE.</summary>
    SessionTimerExpired = 6,

    /// <summary>The leg never got its INVITE out (session ended first).</summary>
    Abandoned = 7,

    /// <summary>The media role saw no RTP or RTCP from the terminal for its dead-media timeout; the cluster sent BYE.</summary>
    MediaSilence = 8,
}
