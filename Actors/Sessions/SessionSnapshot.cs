using CallCluster.Actors.Serialization;

namespace CallCluster.Actors.Sessions;

/// <summary>Snapshot of a session entity: its whole state.</summary>
public sealed record SessionSnapshot(SessionState State) : ICallClusterMessage;
