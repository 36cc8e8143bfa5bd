using System.Collections;
using Microsoft.Extensions.Configuration;

namespace CallCluster.Host.Configuration;

/// <summary>
/// Builds the configuration of a node in its documented order: appsettings.json beside the
/// executable, then CALLCLUSTER_ environment variables (`__` for nesting), then command-line
/// `--Section:Key=value` arguments. Later sources win.
/// </summary>
public static class ConfigurationSources
{
    public const string EnvironmentPrefix = "CALLCLUSTER_";
    public const string SettingsFileName = "appsettings.json";

    /// <summary>Builds the configuration; throws <see cref="SettingsException"/> on an unreadable file or argument.</summary>
    public static IConfigurationRoot Build(string? settingsDirectory, IDictionary environment, IReadOnlyList<string> arguments)
    {
        var builder = new ConfigurationBuilder();
        if (settingsDirectory is not null)
        {
            var path = Path.Combine(settingsDirectory, SettingsFileName);
            if (File.Exists(path))
            {
                builder.AddJsonFile(path, optional: true, reloadOnChange: false);
            }
        }
        builder.AddInMemoryCollection(FromEnvironment(environment));
        builder.AddInMemoryCollection(CommandLineSettings.Parse(arguments));
        try
        {
            return builder.Build();
        }
        catch (InvalidDataException e)
        {
            throw new SettingsException($"{SettingsFileName}: {OneLine(e.Message)}");
        }
        catch (FormatException e)
        {
            throw new SettingsException($"{SettingsFileName}: {OneLine(e.Message)}");
        }
    }

    /// <summary>CALLCLUSTER_Section__Key=value becomes Section:Key=value; other variables are ignored.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> FromEnvironment(IDictionary environment)
    {
        foreach (DictionaryEntry entry in environment)
        {
            if (entry.Key is string name
                && name.Length > EnvironmentPrefix.Length
                && name.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
            {
                var key = name[EnvironmentPrefix.Length..].Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);
                yield return new(key, entry.Value?.ToString());
            }
        }
    }

    internal static string OneLine(string text) =>
        text.ReplaceLineEndings(" ").Trim();
}
