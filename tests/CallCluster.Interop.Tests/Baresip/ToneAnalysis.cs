using CallCluster.Terminal.Media;

namespace CallCluster.Interop.Tests.Baresip;

/// <summary>Which of the test's tones a stretch of decoded audio holds (Goertzel, the terminal's <see cref="ToneDetector"/>).</summary>
public static class ToneAnalysis
{
    /// <summary>The tones the parties send plus neighbours that must stay silent.</summary>
    public static IReadOnlyList<double> Candidates { get; } = [440, 660, 880, 1100, 1320];

    /// <summary>Tones present in at least half of the 100 ms windows of <paramref name="samples"/>.</summary>
    public static IReadOnlySet<int> Tones(ReadOnlySpan<short> samples, int sampleRate)
    {
        var windowSamples = sampleRate / 10;
        var windows = samples.Length / windowSamples;
        if (windows == 0)
        {
            return new HashSet<int>();
        }
        var detector = new ToneDetector(Candidates, sampleRate, windowSamples) { MinWindows = Math.Max(1, windows / 2) };
        detector.Add(samples);
        return detector.Detected.ToHashSet();
    }

    public static string Describe(IReadOnlySet<int> tones) => tones.Count == 0 ? "silence" : string.Join("+", tones.Order()) + " Hz";
}
