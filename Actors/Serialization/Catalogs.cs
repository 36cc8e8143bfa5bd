using CallCluster.Actors.Calls;
using CallCluster.Actors.MediaProtocol;
using CallCluster.Actors.Sessions;

namespace CallCluster.Actors.Serialization;

/// <summary>Every catalog the <see cref="CallClusterSerializer"/> combines.</summary>
public static class Catalogs
{
    public static IReadOnlyList<ISerializationCatalog> All { get; } =
    [
        new CoreSerializationCatalog(),
        new MediaSerializationCatalog(),
        new SessionSerializationCatalog(),
        new CallsSerializationCatalog(),
    ];
}
