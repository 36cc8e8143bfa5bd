namespace CallCluster.Actors.Serialization;

/// <summary>A family of serialisable types contributed by one area of the code.</summary>
public interface ISerializationCatalog
{
    IEnumerable<ManifestEntry> Entries { get; }
}
