namespace CallCluster.Media.Audio;

/// <summary>What a <see cref="JitterBuffer"/> produced for one frame.</summary>
public enum PlayoutKind
{
    /// <summary>Received audio (possibly with a few concealed samples).</summary>
    Audio = 0,

    /// <summary>The frame was lost: the last frame repeated at half level.</summary>
    Concealed = 1,

    /// <summary>Nothing to play: silence (not started, long loss, or idle).</summary>
    Silence = 2,
}
