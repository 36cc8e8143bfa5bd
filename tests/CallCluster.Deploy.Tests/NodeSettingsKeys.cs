using System.Text.Json;

namespace CallCluster.Deploy.Tests;

/// <summary>
/// The configuration keys the node reads, taken from the node's own Host/appsettings.json
/// (every setting has a default there). List indices are dropped: Sip:Listen:1 is Sip:Listen.
/// </summary>
public static class NodeSettingsKeys
{
    public static IReadOnlySet<string> Load()
    {
        var path = Path.Combine(RenderedOverlay.RepositoryRoot(), "Host", "appsettings.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Walk(doc.RootElement, "", keys);
        return keys;
    }

    public static string WithoutIndices(string key) =>
        string.Join(':', key.Split(':').Where(part => !part.All(char.IsAsciiDigit)));

    private static void Walk(JsonElement e, string prefix, HashSet<string> keys)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    Walk(p.Value, prefix.Length == 0 ? p.Name : $"{prefix}:{p.Name}", keys);
                }

                break;
            case JsonValueKind.Array:
                keys.Add(prefix);
                break;
            default:
                keys.Add(prefix);
                break;
        }
    }
}
