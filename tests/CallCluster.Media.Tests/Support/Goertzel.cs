namespace CallCluster.Media.Tests.Support;

/// <summary>Tone detection: the amplitude of one frequency in a block of samples (Goertzel algorithm).</summary>
public static class Goertzel
{
    /// <summary>Estimated peak amplitude of <paramref name="frequency"/> in <paramref name="samples"/> at 8 kHz.</summary>
    public static double Amplitude(ReadOnlySpan<short> samples, double frequency, int sampleRate = 8000)
    {
        double coefficient = 2 * Math.Cos(2 * Math.PI * frequency / sampleRate);
        double previous = 0;
        double beforePrevious = 0;
        foreach (short sample in samples)
        {
            double current = sample + (coefficient * previous) - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }

        double power = (previous * previous) + (beforePrevious * beforePrevious) - (coefficient * previous * beforePrevious);
        return 2 * Math.Sqrt(Math.Max(0, power)) / samples.Length;
    }

    /// <summary>A sine tone of the given amplitude, continuing from sample <paramref name="start"/>.</summary>
    public static void Tone(Span<short> destination, double frequency, double amplitude, long start, int sampleRate = 8000)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = (short)(amplitude * Math.Sin(2 * Math.PI * frequency * (start + i) / sampleRate));
        }
    }
}
