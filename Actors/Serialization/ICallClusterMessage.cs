namespace CallCluster.Actors.Serialization;

/// <summary>
/// Marker for every message that crosses nodes and every persisted event or snapshot.
/// Types carrying it are bound to <see cref="CallClusterSerializer"/> and must appear in a
/// catalog listed in <see cref="Catalogs"/>.
/// </summary>
public interface ICallClusterMessage;
