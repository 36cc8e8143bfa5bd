using Microsoft.Extensions.Configuration;

namespace CallCluster.Host.Configuration;

/// <summary>Reads raw values and lists from configuration, naming the key of each value.</summary>
internal static class SettingValues
{
    /// <summary>A trimmed value, or null when absent or blank.</summary>
    public static string? Scalar(IConfiguration configuration, string key)
    {
        var value = configuration[key];
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>
    /// A list given either as indexed children (`Key:0`, `Key:1`, ...) or as one comma-separated
    /// value. Indexed children win over the comma-separated form. Each element comes with the key
    /// to name in an error.
    /// </summary>
    public static IReadOnlyList<(string Key, string Value)> List(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var children = section.GetChildren().ToList();
        if (children.Count > 0)
        {
            var items = new List<(string, string)>();
            foreach (var child in children.OrderBy(c => int.TryParse(c.Key, out var n) ? n : int.MaxValue).ThenBy(c => c.Key, StringComparer.Ordinal))
            {
                if (!int.TryParse(child.Key, out _))
                {
                    throw new SettingsException($"{key}:{child.Key}: list elements are indexed {key}:0, {key}:1, ...");
                }
                if (child.GetChildren().Any())
                {
                    throw new SettingsException($"{key}:{child.Key}: expected a single value");
                }
                if (!string.IsNullOrWhiteSpace(child.Value))
                {
                    items.Add(($"{key}:{child.Key}", child.Value.Trim()));
                }
            }
            return items;
        }
        var scalar = section.Value;
        if (string.IsNullOrWhiteSpace(scalar))
        {
            return [];
        }
        return scalar.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(v => (key, v))
            .ToList();
    }
}
