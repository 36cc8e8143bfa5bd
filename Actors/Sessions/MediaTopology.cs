namespace CallCluster.Actors.Sessions;

/// <summary>How the session's endpoints are joined on the media node.</summary>
public enum MediaTopologyKind
{
    /// <summary>Audio mixed N-1, video routed (also used for two endpoints before any leg transfer).</summary>
    Mix = 0,

    /// <summary>Two endpoints forwarding to each other after a leg transfer from a mix.</summary>
    Bridge = 1,
}

/// <summary>The current join of endpoints; null in the state when nothing is joined.</summary>
public sealed record MediaTopology(MediaTopologyKind Kind, IReadOnlyList<string> EndpointIds)
{
    public bool Equals(MediaTopology? other) =>
        other is not null && Kind == other.Kind && EndpointIds.SequenceEqual(other.EndpointIds, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Kind, EndpointIds.Count);
}
