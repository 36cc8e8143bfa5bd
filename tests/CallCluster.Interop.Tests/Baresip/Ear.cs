namespace CallCluster.Interop.Tests.Baresip;

/// <summary>
/// What one party must hear: the tones in <see cref="Hears"/> and none of <see cref="Silent"/>,
/// in the last <see cref="Span"/> of each of its decoded-audio dumps, counted only after
/// <see cref="From"/> (an offset into every dump).
/// </summary>
public sealed record Ear(BaresipAgent Agent, int[] Hears, int[] Silent, TimeSpan From)
{
    public static TimeSpan Span { get; } = TimeSpan.FromSeconds(2);

    /// <summary>The union of tones heard over the dumps, or null while a dump holds less than <see cref="Span"/> after <see cref="From"/>.</summary>
    public IReadOnlySet<int>? Heard(out string description)
    {
        var dumps = Agent.DecodedDumps();
        if (dumps.Count == 0)
        {
            description = $"{Agent.Profile.User}: no decoded-audio dump yet";
            return null;
        }
        var union = new HashSet<int>();
        var parts = new List<string>();
        foreach (var path in dumps)
        {
            var dump = WavDump.Read(path);
            if (dump.Duration - From < Span)
            {
                description = $"{Agent.Profile.User}: {Path.GetFileName(path)} has {dump.Duration.TotalSeconds:F1} s, waiting for {(From + Span).TotalSeconds:F1} s";
                return null;
            }
            var tones = ToneAnalysis.Tones(dump.Slice(dump.Duration - Span, dump.Duration), dump.SampleRate);
            union.UnionWith(tones);
            parts.Add($"{Path.GetFileName(path)} ({dump.SampleRate} Hz, {dump.Duration.TotalSeconds:F1} s): {ToneAnalysis.Describe(tones)}");
        }
        description = $"{Agent.Profile.User} hears {ToneAnalysis.Describe(union)} [{string.Join("; ", parts)}]; expected {string.Join("+", Hears)} Hz without {string.Join("+", Silent)} Hz";
        return union;
    }

    public bool Holds(IReadOnlySet<int>? heard) =>
        heard is not null && Hears.All(heard.Contains) && !Silent.Any(heard.Contains);
}
