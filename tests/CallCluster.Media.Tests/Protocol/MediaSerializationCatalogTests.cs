using System.Text.Json;
using CallCluster.Actors.MediaProtocol;
using CallCluster.Actors.Serialization;

namespace CallCluster.Media.Tests.Protocol;

public sealed class MediaSerializationCatalogTests
{
    private static readonly IReadOnlyList<ManifestEntry> Entries = new MediaSerializationCatalog().Entries.ToList();

    [Fact]
    public void Manifests_are_short_unique_and_start_with_m()
    {
        Assert.All(Entries, e => Assert.Matches("^m[A-Za-z]{1,5}$", e.Manifest));
        Assert.Equal(Entries.Count, Entries.Select(e => e.Manifest).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Entries.Count, Entries.Select(e => e.Type).Distinct().Count());
    }

    [Fact]
    public void Every_message_of_the_protocol_is_in_the_catalog()
    {
        var messageTypes = typeof(AllocateEndpoint).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(AllocateEndpoint).Namespace && t is { IsClass: true, IsAbstract: false } && typeof(ICallClusterMessage).IsAssignableFrom(t))
            .ToHashSet();

        Assert.NotEmpty(messageTypes);
        Assert.Equal(messageTypes.OrderBy(t => t.Name), Entries.Select(e => e.Type).OrderBy(t => t.Name));
    }

    [Fact]
    public void Every_sample_round_trips_through_system_text_json()
    {
        foreach (var entry in Entries)
        {
            Assert.NotNull(entry.Sample);
            var sample = entry.Sample!();
            Assert.IsType(entry.Type, sample);

            string json = JsonSerializer.Serialize(sample, entry.Type);
            var back = JsonSerializer.Deserialize(json, entry.Type);

            Assert.NotNull(back);
            Assert.Equal(json, JsonSerializer.Serialize(back, entry.Type));
        }
    }

    [Fact]
    public void A_round_tripped_allocation_keeps_its_streams_and_codecs()
    {
        var original = (AllocateEndpoint)Entries.Single(e => e.Manifest == "mAlloc").Sample!();
        var back = JsonSerializer.Deserialize<AllocateEndpoint>(JsonSerializer.Serialize(original))!;

        Assert.Equal(original.SessionId, back.SessionId);
        Assert.Equal(original.ParticipantId, back.ParticipantId);
        Assert.Equal(original.Streams.Count, back.Streams.Count);
        Assert.Equal(original.Streams[0].CodecPreferences, back.Streams[0].CodecPreferences);
        Assert.Equal(MediaKind.Video, back.Streams[1].Kind);
        Assert.True(back.Streams[1].RtcpMux);
    }
}

public sealed class MediaCommandRoutingTests
{
    [Fact]
    public void Commands_hash_by_session_so_a_session_stays_on_one_media_node()
    {
        Akka.Routing.IConsistentHashable allocate = new AllocateEndpoint("s-42", "leg", "p", []);
        Akka.Routing.IConsistentHashable release = new ReleaseSession("s-42");
        Akka.Routing.IConsistentHashable other = new ReleaseSession("s-43");

        Assert.Equal("s-42", allocate.ConsistentHashKey);
        Assert.Equal(allocate.ConsistentHashKey, release.ConsistentHashKey);
        Assert.NotEqual(allocate.ConsistentHashKey, other.ConsistentHashKey);
    }
}
