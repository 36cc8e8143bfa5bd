using System.Globalization;

namespace CallCluster.MediaBench;

/// <summary>Command line: a mode word, then <c>--name value</c> pairs. Malformed input throws <see cref="FormatException"/>.</summary>
public sealed class BenchOptions
{
    private const int MaxNumber = 100_000_000;
    private readonly Dictionary<string, string> values;

    private BenchOptions(string mode, Dictionary<string, string> values)
    {
        Mode = mode;
        this.values = values;
    }

    public string Mode { get; }

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            throw new FormatException("no mode given");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 1; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new FormatException($"expected '--name value' at '{args[i]}'");
            }

            values[args[i][2..]] = args[i + 1];
        }

        return new BenchOptions(args[0], values);
    }

    public string Text(string name, string fallback) => values.GetValueOrDefault(name, fallback);

    public int Number(string name, int fallback, bool required = false)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return required ? throw new FormatException($"--{name} is required") : fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value <= MaxNumber
            ? value
            : throw new FormatException($"--{name} must be a whole number up to {MaxNumber}");
    }
}
