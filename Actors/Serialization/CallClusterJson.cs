using System.Text.Json;
using System.Text.Json.Serialization;
using Akka.Actor;

namespace CallCluster.Actors.Serialization;

/// <summary>JSON settings shared by the serializer: string enums, nulls omitted, actor refs as paths.</summary>
public static class CallClusterJson
{
    public static JsonSerializerOptions CreateOptions(ExtendedActorSystem? system, ManifestTable? table = null)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        if (system is not null)
        {
            options.Converters.Add(new ActorRefJsonConverter(system));
        }

        if (table is not null)
        {
            options.Converters.Add(new EmbeddedMessageConverter<Sessions.ISessionEvent>(table));
            options.Converters.Add(new EmbeddedMessageConverter<Sessions.ISipEffect>(table));
        }

        return options;
    }
}
