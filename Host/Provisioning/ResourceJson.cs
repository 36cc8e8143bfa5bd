using System.Text.Json;
using System.Text.Json.Serialization;

namespace CallCluster.Host.Provisioning;

/// <summary>JSON rules shared by the provisioning file and the HTTP API: camelCase, unknown or missing members rejected.</summary>
public static partial class ResourceJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Skip,
            MaxDepth = 16,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Answers are JSON for programs, never embedded in HTML: keep ' and + readable.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Parses one value; returns null and a one-line problem on bad input.</summary>
    public static T? TryParse<T>(ReadOnlySpan<byte> utf8, out string? problem) where T : class
    {
        try
        {
            var value = JsonSerializer.Deserialize<T>(utf8, Options);
            problem = value is null ? "the body is null" : null;
            return value;
        }
        catch (JsonException e)
        {
            problem = Describe(e);
            return null;
        }
    }

    internal static string Describe(JsonException e)
    {
        var message = e.Message.ReplaceLineEndings(" ");
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }
        message = TypeName().Replace(message, "");
        var path = string.IsNullOrEmpty(e.Path) ? "" : $" at {e.Path}";
        return $"invalid JSON{path}: {message.Trim()}";
    }

    [System.Text.RegularExpressions.GeneratedRegex(@" (for|to) type '[^']*'")]
    private static partial System.Text.RegularExpressions.Regex TypeName();
}
