namespace CallCluster.Actors.Sessions;

/// <summary>Where a session is in its life.</summary>
public enum SessionPhase
{
    /// <summary>Nothing happened yet: the entity exists but holds no call.</summary>
    Idle = 0,

    /// <summary>Legs are being set up; no outgoing leg has answered or rung.</summary>
    Setup = 1,

    /// <summary>An outgoing leg rings (provisional response), none is connected.</summary>
    Ringing = 2,

    /// <summary>Two parties are connected (a plain call, or one of a home session's two calls).</summary>
    Established = 3,

    /// <summary>Mobile, local terminal and remote are connected in a mix.</summary>
    ThreeParty = 4,

    /// <summary>The mobile left the three-party call; local terminal and remote stay bridged.</summary>
    Bridged = 5,

    /// <summary>Every leg is over; the CDR is being written.</summary>
    Ending = 6,

    /// <summary>Every leg is over and the CDR is confirmed written.</summary>
    Ended = 7,
}
