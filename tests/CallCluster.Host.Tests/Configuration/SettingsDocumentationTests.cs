using System.Text.Json;
using System.Text.RegularExpressions;

namespace CallCluster.Host.Tests.Configuration;

/// <summary>
/// The settings the README documents and the defaults in Host/appsettings.json name the same
/// keys: the manifests' checks (tests/CallCluster.Deploy.Tests) take appsettings.json as the list
/// of settings the node reads.
/// </summary>
public sealed partial class SettingsDocumentationTests
{
    [Fact]
    public void Every_documented_setting_has_its_default_in_appsettings_json_and_every_default_is_documented()
    {
        var root = RepositoryPaths.Root();
        var documented = DocumentedKeys(File.ReadAllText(Path.Combine(root, "README.md")));
        var defaults = DefaultKeys(File.ReadAllText(Path.Combine(root, "Host", "appsettings.json")));

        Assert.NotEmpty(documented);
        Assert.Empty(documented.Except(defaults, StringComparer.Ordinal));
        Assert.Empty(defaults.Except(documented, StringComparer.Ordinal));
    }

    /// <summary>Keys in the first column of the README's settings table ("`A:B` / `A:C`" names two).</summary>
    private static HashSet<string> DocumentedKeys(string readme)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in readme.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            var firstCell = line.Split('|')[1];
            foreach (Match key in SettingKey().Matches(firstCell))
            {
                keys.Add(key.Groups[1].Value);
            }
        }

        return keys;
    }

    /// <summary>Section:Key of every value in appsettings.json; logging levels are the host's, not the node's settings.</summary>
    private static HashSet<string> DefaultKeys(string json)
    {
        using var document = JsonDocument.Parse(json);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in document.RootElement.EnumerateObject())
        {
            foreach (var setting in section.Value.EnumerateObject().Where(s => s.Value.ValueKind != JsonValueKind.Object))
            {
                keys.Add($"{section.Name}:{setting.Name}");
            }
        }

        return keys;
    }

    [GeneratedRegex(@"`([A-Z][A-Za-z]+:[A-Z][A-Za-z]+)`")]
    private static partial Regex SettingKey();
}
