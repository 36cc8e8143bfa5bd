namespace CallCluster.Terminal.Media;

/// <summary>A moving colour-bar pattern used as the body of synthetic video frames.</summary>
public static class TestPattern
{
    /// <summary>Width of the pattern in pixels.</summary>
    public const int Width = 320;

    /// <summary>Height of the pattern in pixels.</summary>
    public const int Height = 240;

    /// <summary>Writes <paramref name="destination"/>.Length bytes of bars shifted by <paramref name="frame"/>.</summary>
    public static void Fill(Span<byte> destination, int frame)
    {
        ReadOnlySpan<byte> bars = [0xEB, 0xD2, 0xAA, 0x91, 0x6A, 0x51, 0x29, 0x10];
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = bars[((i / 16) + frame) % bars.Length];
        }
    }
}
