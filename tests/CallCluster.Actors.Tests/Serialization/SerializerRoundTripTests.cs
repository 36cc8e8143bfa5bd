using Akka.Actor;
using Akka.Serialization;
using CallCluster.Actors.Serialization;
using CallCluster.Actors.Tests.Support;

namespace CallCluster.Actors.Tests.Serialization;

/// <summary>Every catalog entry survives Akka's serialization with the production binding.</summary>
public sealed class SerializerRoundTripTests : IDisposable
{
    private readonly ActorSystem _system = ActorSystem.Create("serialization", TestConfigs.InMemory());

    public static TheoryData<string> Manifests()
    {
        var data = new TheoryData<string>();
        foreach (var entry in Catalogs.All.SelectMany(c => c.Entries))
        {
            data.Add(entry.Manifest);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Manifests))]
    public void Entry_round_trips_through_the_bound_serializer(string manifest)
    {
        var entry = Catalogs.All.SelectMany(c => c.Entries).Single(e => e.Manifest == manifest);
        var sample = entry.Sample?.Invoke() ?? SampleFactory.Create(entry.Type);
        Assert.IsType(entry.Type, sample);

        var serializer = _system.Serialization.FindSerializerFor(sample);
        Assert.IsType<CallClusterSerializer>(serializer);
        Assert.Equal(manifest, Akka.Serialization.Serialization.ManifestFor(serializer, sample));

        var bytes = serializer.ToBinary(sample);
        var back = _system.Serialization.Deserialize(bytes, serializer.Identifier, manifest);

        Assert.IsType(entry.Type, back);
        Assert.Equal(bytes, serializer.ToBinary(back));
        if (entry.Type.GetMethod("Equals", [entry.Type]) is { } typedEquals && !HasCollections(entry.Type))
        {
            Assert.True((bool)typedEquals.Invoke(sample, [back])!, $"{entry.Type.Name} differs after the round trip");
        }
    }

    [Fact]
    public void Serializer_identifier_is_4711_and_above_the_reserved_range()
    {
        var serializer = _system.Serialization.FindSerializerForType(typeof(CallCluster.Actors.Cdr.CdrWritten));
        Assert.Equal(4711, serializer.Identifier);
        Assert.True(serializer.Identifier > 100);
    }

    [Fact]
    public void Unknown_manifest_is_a_serialization_exception()
    {
        var serializer = (SerializerWithStringManifest)_system.Serialization.FindSerializerForType(typeof(ICallClusterMessage));
        Assert.Throws<System.Runtime.Serialization.SerializationException>(() => serializer.FromBinary("{}"u8.ToArray(), "zz-unknown"));
    }

    [Fact]
    public void Corrupt_body_is_a_serialization_exception()
    {
        var serializer = (SerializerWithStringManifest)_system.Serialization.FindSerializerForType(typeof(ICallClusterMessage));
        Assert.Throws<System.Runtime.Serialization.SerializationException>(() => serializer.FromBinary("{not json"u8.ToArray(), "c3"));
    }

    [Fact]
    public void Every_message_type_of_the_actors_assembly_has_a_manifest()
    {
        var listed = Catalogs.All.SelectMany(c => c.Entries).Select(e => e.Type).ToHashSet();
        var missing = typeof(ICallClusterMessage).Assembly.GetTypes()
            .Where(t => typeof(ICallClusterMessage).IsAssignableFrom(t) && !t.IsAbstract && !t.IsInterface)
            .Where(t => !listed.Contains(t))
            .Select(t => t.FullName)
            .ToArray();
        Assert.True(missing.Length == 0, string.Join(", ", missing));
    }

    [Fact]
    public void Missing_field_in_stored_json_reads_as_default_so_optional_fields_can_be_added()
    {
        var serializer = (SerializerWithStringManifest)_system.Serialization.FindSerializerForType(typeof(ICallClusterMessage));
        var old = serializer.FromBinary("""{"SessionId":"s-9"}"""u8.ToArray(), "c4");
        var failed = Assert.IsType<CallCluster.Actors.Cdr.CdrWriteFailed>(old);
        Assert.Equal("s-9", failed.SessionId);
        Assert.Null(failed.Reason);
    }

    public void Dispose() => _system.Terminate().Wait(TimeSpan.FromSeconds(10));

    /// <summary>Records holding lists compare lists by reference, so only collection-free graphs use Equals.</summary>
    private static bool HasCollections(Type type, int depth = 0)
    {
        if (depth > 6 || type == typeof(string) || type.IsPrimitive || type.IsEnum)
        {
            return false;
        }

        if (typeof(System.Collections.IEnumerable).IsAssignableFrom(type))
        {
            return true;
        }

        if (type.IsInterface || type.IsAbstract)
        {
            return true;
        }

        return type.GetProperties().Any(p => p.DeclaringType != typeof(object) && p.PropertyType != type && HasCollections(p.PropertyType, depth + 1));
    }
}
