namespace CallCluster.Host.Configuration;

/// <summary>
/// Reads `--Section:Key=value` and `--Section:Key value` arguments into configuration pairs.
/// Anything else is rejected with a <see cref="SettingsException"/>.
/// </summary>
public static class CommandLineSettings
{
    public static IReadOnlyDictionary<string, string?> Parse(IReadOnlyList<string> arguments)
    {
        var pairs = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (!argument.StartsWith("--", StringComparison.Ordinal) || argument.Length == 2)
            {
                throw new SettingsException($"'{argument}' is not a setting; use --Section:Key=value");
            }
            var body = argument[2..];
            var equals = body.IndexOf('=', StringComparison.Ordinal);
            string key;
            string value;
            if (equals >= 0)
            {
                key = body[..equals];
                value = body[(equals + 1)..];
            }
            else if (i + 1 < arguments.Count && !arguments[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                key = body;
                value = arguments[++i];
            }
            else
            {
                throw new SettingsException($"'{argument}' has no value; use --{body}=value");
            }
            if (key.Length == 0 || key.StartsWith(':') || key.EndsWith(':'))
            {
                throw new SettingsException($"'{argument}' is not a setting; use --Section:Key=value");
            }
            pairs[key] = value;
        }
        return pairs;
    }
}
