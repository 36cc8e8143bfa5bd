using System.Collections.Frozen;

namespace CallCluster.Actors.Serialization;

/// <summary>Manifest to type and back, built once from the catalogs; duplicates stop start-up.</summary>
public sealed class ManifestTable
{
    public const int MaxManifestLength = 6;

    private readonly FrozenDictionary<string, Type> _types;
    private readonly FrozenDictionary<Type, string> _manifests;

    private ManifestTable(FrozenDictionary<string, Type> types, FrozenDictionary<Type, string> manifests)
    {
        _types = types;
        _manifests = manifests;
    }

    public IReadOnlyDictionary<string, Type> Types => _types;

    public string? ManifestOf(Type type) => _manifests.GetValueOrDefault(type);

    public Type? TypeOf(string manifest) => _types.GetValueOrDefault(manifest);

    /// <summary>Builds the table or throws <see cref="InvalidOperationException"/> naming every problem.</summary>
    public static ManifestTable Build(IEnumerable<ISerializationCatalog> catalogs)
    {
        ArgumentNullException.ThrowIfNull(catalogs);
        var types = new Dictionary<string, Type>(StringComparer.Ordinal);
        var manifests = new Dictionary<Type, string>();
        var problems = new List<string>();
        foreach (var entry in catalogs.SelectMany(c => c.Entries))
        {
            var problem = Check(entry, types, manifests);
            if (problem is not null)
            {
                problems.Add(problem);
                continue;
            }

            types.Add(entry.Manifest, entry.Type);
            manifests.Add(entry.Type, entry.Manifest);
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Serialization catalogs are inconsistent: " + string.Join("; ", problems));
        }

        return new ManifestTable(types.ToFrozenDictionary(StringComparer.Ordinal), manifests.ToFrozenDictionary());
    }

    private static string? Check(ManifestEntry entry, Dictionary<string, Type> types, Dictionary<Type, string> manifests)
    {
        if (string.IsNullOrEmpty(entry.Manifest) || entry.Manifest.Length > MaxManifestLength)
        {
            return $"manifest '{entry.Manifest}' of {entry.Type.Name} must be 1-{MaxManifestLength} characters";
        }

        if (types.TryGetValue(entry.Manifest, out var existing))
        {
            return $"duplicate manifest '{entry.Manifest}' for {existing.FullName} and {entry.Type.FullName}";
        }

        if (manifests.TryGetValue(entry.Type, out var other))
        {
            return $"{entry.Type.FullName} is listed twice ('{other}' and '{entry.Manifest}')";
        }

        return typeof(ICallClusterMessage).IsAssignableFrom(entry.Type)
            ? null
            : $"{entry.Type.FullName} ('{entry.Manifest}') does not implement ICallClusterMessage";
    }
}
