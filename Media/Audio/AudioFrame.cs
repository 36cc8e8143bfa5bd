namespace CallCluster.Media.Audio;

/// <summary>Constants of the mixer's audio: 8 kHz narrowband, 20 ms frames.</summary>
public static class AudioFrame
{
    /// <summary>Samples per second.</summary>
    public const int SampleRate = 8000;

    /// <summary>Samples per 20 ms frame (also the RTP timestamp step at 8 kHz).</summary>
    public const int Samples = 160;

    /// <summary>Frame duration.</summary>
    public static readonly TimeSpan Duration = TimeSpan.FromMilliseconds(20);
}
