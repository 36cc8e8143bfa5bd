using System.Text.Json;
using System.Text.Json.Serialization;
using Akka.Actor;

namespace CallCluster.Actors.Serialization;

/// <summary>Writes an <see cref="IActorRef"/> as its full remote path (Nobody as "") and resolves it on the way back.</summary>
public sealed class ActorRefJsonConverter(ExtendedActorSystem system) : JsonConverter<IActorRef>
{
    public override bool CanConvert(Type typeToConvert) => typeof(IActorRef).IsAssignableFrom(typeToConvert);

    public override IActorRef? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        var path = reader.GetString();
        return string.IsNullOrEmpty(path) ? ActorRefs.Nobody : system.Provider.ResolveActorRef(path);
    }

    public override void Write(Utf8JsonWriter writer, IActorRef value, JsonSerializerOptions options)
    {
        writer.WriteStringValue(value.IsNobody() ? string.Empty : Akka.Serialization.Serialization.SerializedActorPath(value));
    }
}
