namespace CallCluster.Media.Audio;

/// <summary>
/// N-1 mixing arithmetic: the sum of every participant's frame is accumulated once in 32 bits,
/// then each participant gets the sum minus its own frame, clipped to 16 bits.
/// </summary>
public static class MixMath
{
    /// <summary>Adds <paramref name="frame"/> into <paramref name="total"/> sample by sample.</summary>
    public static void Accumulate(ReadOnlySpan<short> frame, Span<int> total)
    {
        int count = Math.Min(frame.Length, total.Length);
        for (int i = 0; i < count; i++)
        {
            total[i] += frame[i];
        }
    }

    /// <summary>Writes clip(total - own) into <paramref name="destination"/>: everyone but the listener.</summary>
    public static void MinusOwn(ReadOnlySpan<int> total, ReadOnlySpan<short> own, Span<short> destination)
    {
        int count = Math.Min(Math.Min(total.Length, own.Length), destination.Length);
        for (int i = 0; i < count; i++)
        {
            destination[i] = Clip(total[i] - own[i]);
        }
    }

    /// <summary>Saturates a 32-bit sum to the 16-bit range.</summary>
    public static short Clip(int value) =>
        value > short.MaxValue ? short.MaxValue : value < short.MinValue ? short.MinValue : (short)value;
}
