using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.Journal;
using Akka.Serialization;
using Akka.Util;

namespace CallCluster.Actors.Persistence;

/// <summary>
/// Turns an atomic write into journal rows exactly as Akka.Persistence.Sql serializes them (the
/// payload's serializer, its string manifest, its identifier), so that the plugin's replay and
/// queries read them back unchanged.
/// </summary>
public sealed class JournalRowSerializer(ExtendedActorSystem system, string? defaultSerializer, TimeProvider time)
{
    /// <summary>True when a payload carries tags: those writes also fill the tag table and stay on the plugin's own path.</summary>
    public static bool HasTags(AtomicWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        foreach (var representation in Payloads(write))
        {
            if (representation.Payload is Tagged)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The rows of <paramref name="write"/>; throws what the payload's serializer throws.</summary>
    public JournalRowToWrite[] Serialize(AtomicWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var payloads = Payloads(write);
        var now = time.GetUtcNow().UtcTicks;
        var rows = new JournalRowToWrite[payloads.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            var representation = payloads[i];
            var payload = representation.Payload;
            var serializer = system.Serialization.FindSerializerForType(payload.GetType(), defaultSerializer);
            var manifest = serializer switch
            {
                SerializerWithStringManifest named => named.Manifest(payload),
                { IncludeManifest: true } => payload.GetType().TypeQualifiedName(),
                _ => string.Empty,
            };
            var message = Akka.Serialization.Serialization.WithTransport(system, (serializer, payload), static s => s.serializer.ToBinary(s.payload));
            rows[i] = new JournalRowToWrite(
                representation.PersistenceId,
                representation.SequenceNr,
                representation.Timestamp == 0 ? now : representation.Timestamp,
                message,
                manifest,
                serializer.Identifier);
        }

        return rows;
    }

    private static IReadOnlyList<IPersistentRepresentation> Payloads(AtomicWrite write) =>
        (IReadOnlyList<IPersistentRepresentation>)write.Payload;
}
