using System.Text.Json;
using System.Text.Json.Serialization;

namespace CallCluster.Actors.Serialization;

/// <summary>
/// Writes a value declared as the interface <typeparamref name="T"/> (an event inside a step, say)
/// as <c>{"m": manifest, "b": body}</c> with the manifests of <see cref="ManifestTable"/>, and reads
/// it back into its concrete type. Unknown manifests fail with a clear message.
/// </summary>
public sealed class EmbeddedMessageConverter<T>(ManifestTable table) : JsonConverter<T>
    where T : class, ICallClusterMessage
{
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"an embedded {typeof(T).Name} must be an object");
        }

        string? manifest = null;
        T? value = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "m":
                    manifest = reader.GetString();
                    break;
                case "b":
                    var type = (manifest is null ? null : table.TypeOf(manifest))
                        ?? throw new JsonException($"embedded {typeof(T).Name} has unknown manifest '{manifest}' (\"m\" must come first)");
                    value = JsonSerializer.Deserialize(ref reader, type, options) as T
                        ?? throw new JsonException($"manifest '{manifest}' is not a {typeof(T).Name}");
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return value ?? throw new JsonException($"embedded {typeof(T).Name} has no body");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        var type = value.GetType();
        var manifest = table.ManifestOf(type) ?? throw new JsonException($"{type.FullName} has no manifest");
        writer.WriteStartObject();
        writer.WriteString("m", manifest);
        writer.WritePropertyName("b");
        JsonSerializer.Serialize(writer, value, type, options);
        writer.WriteEndObject();
    }
}
