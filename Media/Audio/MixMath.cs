using System.Numerics;
using System.Runtime.CompilerServices;

namespace CallCluster.Media.Audio;

/// <summary>
/// N-1 mixing arithmetic: the sum of every participant's frame is accumulated once in 32 bits,
/// then each participant gets the sum minus its own frame, clipped to 16 bits. Whole vectors of
/// samples at a time where the processor has them (<see cref="Vector{T}"/>), the rest one by one.
/// </summary>
public static class MixMath
{
    /// <summary>Adds <paramref name="frame"/> into <paramref name="total"/> sample by sample.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Accumulate(ReadOnlySpan<short> frame, Span<int> total)
    {
        int count = Math.Min(frame.Length, total.Length);
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int ints = Vector<int>.Count;
            for (; i <= count - Vector<short>.Count; i += Vector<short>.Count)
            {
                Vector.Widen(new Vector<short>(frame[i..]), out var low, out var high);
                var lowSums = total.Slice(i, ints);
                var highSums = total.Slice(i + ints, ints);
                (new Vector<int>(lowSums) + low).CopyTo(lowSums);
                (new Vector<int>(highSums) + high).CopyTo(highSums);
            }
        }

        for (; i < count; i++)
        {
            total[i] += frame[i];
        }
    }

    /// <summary>Writes clip(total - own) into <paramref name="destination"/>: everyone but the listener.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MinusOwn(ReadOnlySpan<int> total, ReadOnlySpan<short> own, Span<short> destination)
    {
        int count = Math.Min(Math.Min(total.Length, own.Length), destination.Length);
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int ints = Vector<int>.Count;
            var lowest = new Vector<int>(short.MinValue);
            var highest = new Vector<int>(short.MaxValue);
            for (; i <= count - Vector<short>.Count; i += Vector<short>.Count)
            {
                Vector.Widen(new Vector<short>(own[i..]), out var low, out var high);
                var first = Vector.Min(Vector.Max(new Vector<int>(total.Slice(i, ints)) - low, lowest), highest);
                var second = Vector.Min(Vector.Max(new Vector<int>(total.Slice(i + ints, ints)) - high, lowest), highest);
                Vector.Narrow(first, second).CopyTo(destination[i..]);
            }
        }

        for (; i < count; i++)
        {
            destination[i] = Clip(total[i] - own[i]);
        }
    }

    /// <summary>Saturates a 32-bit sum to the 16-bit range.</summary>
    public static short Clip(int value) =>
        value > short.MaxValue ? short.MaxValue : value < short.MinValue ? short.MinValue : (short)value;
}
