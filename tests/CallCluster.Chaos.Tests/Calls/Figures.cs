using System.Globalization;
using CallCluster.Chaos.Tests.Cluster;
using Xunit.Abstractions;

namespace CallCluster.Chaos.Tests.Calls;

/// <summary>Prints `chaos figure: &lt;fault&gt; &lt;measure&gt; &lt;value&gt;` lines to the test output and the console.</summary>
public sealed class Figures(ITestOutputHelper output, string fault)
{
    public void Add(string measure, TimeSpan? value) =>
        Write(measure, value is { } v ? v.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms" : "not seen");

    /// <summary>One line with count, p50, p99 (nearest rank) and max of <paramref name="values"/>.</summary>
    public void AddDistribution(string measure, IReadOnlyCollection<TimeSpan?> values)
    {
        var seen = values.Where(v => v is not null).Select(v => v!.Value.TotalMilliseconds).Order().ToList();
        if (seen.Count == 0)
        {
            Write(measure, $"not seen ({values.Count} calls)");
            return;
        }
        double Rank(double q) => seen[Math.Clamp((int)Math.Ceiling(q * seen.Count) - 1, 0, seen.Count - 1)];
        var inv = CultureInfo.InvariantCulture;
        Write(measure, string.Create(inv, $"p50 {Rank(0.5):0} ms p99 {Rank(0.99):0} ms max {seen[^1]:0} ms (n={seen.Count} of {values.Count})"));
    }

    public void Write(string measure, string value)
    {
        var line = $"chaos figure: {fault} {measure} {value}";
        output.WriteLine(line);
        Console.WriteLine(line);
    }

    /// <summary>The node whose RTP range holds the port of <paramref name="remote"/> ("host:port"), or null.</summary>
    public static ClusterNode? MediaNodeOf(string? remote, IEnumerable<ClusterNode> nodes)
    {
        var colon = remote?.LastIndexOf(':') ?? -1;
        if (remote is null || colon < 0 || !int.TryParse(remote.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            return null;
        }
        return nodes.FirstOrDefault(n => port >= n.RtpLow && port <= n.RtpHigh);
    }

    /// <summary>The later of two measures; null when either is missing.</summary>
    public static TimeSpan? Max(TimeSpan? a, TimeSpan? b) => a is null || b is null ? null : (a > b ? a : b);

    /// <summary>The earlier of two measures, or the one present.</summary>
    public static TimeSpan? Min(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : (a < b ? a : b);
}
