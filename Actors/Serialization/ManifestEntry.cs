namespace CallCluster.Actors.Serialization;

/// <summary>
/// One serialisable type and its short, never-renamed manifest.
/// <paramref name="Sample"/> optionally builds a representative instance for round-trip tests.
/// </summary>
public sealed record ManifestEntry(string Manifest, Type Type, Func<object>? Sample = null);
