using System.Runtime.Serialization;
using System.Text.Json;
using Akka.Actor;
using Akka.Serialization;

namespace CallCluster.Actors.Serialization;

/// <summary>
/// The one serializer for every <see cref="ICallClusterMessage"/>: System.Text.Json bodies under the
/// short manifests of <see cref="Catalogs"/>. Evolution rules are in <c>Actors/Serialization/README.md</c>:
/// add optional fields only, never rename a manifest, give a changed shape a new manifest and an upcaster.
/// </summary>
public sealed class CallClusterSerializer : SerializerWithStringManifest
{
    public const int SerializerIdentifier = 4711;
    public const string SerializerName = "callcluster";

    private readonly ManifestTable _table;
    private readonly JsonSerializerOptions _options;

    public CallClusterSerializer(ExtendedActorSystem system)
        : this(system, Catalogs.All)
    {
    }

    public CallClusterSerializer(ExtendedActorSystem system, IEnumerable<ISerializationCatalog> catalogs)
        : base(system)
    {
        _table = ManifestTable.Build(catalogs);
        _options = CallClusterJson.CreateOptions(system, _table);
    }

    public override int Identifier => SerializerIdentifier;

    public override string Manifest(object o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return _table.ManifestOf(o.GetType())
            ?? throw new SerializationException(
                $"{o.GetType().FullName} has no manifest: add it to a catalog listed in CallCluster.Actors.Serialization.Catalogs");
    }

    public override byte[] ToBinary(object obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        _ = Manifest(obj);
        return JsonSerializer.SerializeToUtf8Bytes(obj, obj.GetType(), _options);
    }

    public override object FromBinary(byte[] bytes, string manifest)
    {
        var type = _table.TypeOf(manifest)
            ?? throw new SerializationException($"Unknown CallCluster manifest '{manifest}'");
        try
        {
            return JsonSerializer.Deserialize(bytes, type, _options)
                ?? throw new SerializationException($"Manifest '{manifest}' decoded to null");
        }
        catch (JsonException e)
        {
            throw new SerializationException($"Manifest '{manifest}' ({type.Name}) cannot be decoded: {e.Message}", e);
        }
    }
}
