namespace CallCluster.Actors.Sessions;

/// <summary>How a session entity is being started, as its first message shows (<see cref="SessionHost"/>).</summary>
public enum SessionStart
{
    /// <summary>Restarted (remembered, moved, or reached by an in-dialog request): recover from the latest snapshot.</summary>
    Recover,

    /// <summary>Started by a command that creates a session, maybe resent: no snapshot asked for, the journal replayed.</summary>
    WithoutSnapshot,

    /// <summary>Started by the first copy of the command that minted its id: no snapshot, and the journal told the id is new.</summary>
    New,
}
