namespace CallCluster.Media.Audio;

/// <summary>What a <see cref="JitterBuffer"/> did with one packet.</summary>
public enum InsertResult
{
    /// <summary>Stored for playout.</summary>
    Accepted = 0,

    /// <summary>Its time was already played: dropped.</summary>
    Late = 1,

    /// <summary>A new stream or a jump in time: the buffer restarted from this packet.</summary>
    Resynchronised = 2,

    /// <summary>Empty or longer than the buffer: dropped.</summary>
    Rejected = 3,
}
