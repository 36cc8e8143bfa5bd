using System.Text;
using CallCluster.Sip.Message.Headers;

namespace CallCluster.Sip.Auth;

/// <summary>
/// Digest-specific checks over the auth-param lists that <see cref="SipAuthHeader"/> parses
/// (the grammar itself is the message layer's): size limits, duplicate names, and formatting
/// of quoted values.
/// </summary>
public static class AuthParameters
{
    /// <summary>Longest header value accepted, in characters.</summary>
    public const int MaxLength = 8192;

    /// <summary>Most parameters accepted in one value.</summary>
    public const int MaxCount = 32;

    /// <summary>Parses one header value into a single challenge or credentials value; false with a reason on bad input.</summary>
    public static bool TryParse(string? value, out SipAuthHeader? header, out string error)
    {
        header = null;
        error = "";
        if (string.IsNullOrWhiteSpace(value)) { error = "empty value"; return false; }
        if (value.Length > MaxLength) { error = "value too long"; return false; }
        if (!SipAuthHeader.TryParse(value, out header)) { error = "not a single auth value"; return false; }
        return true;
    }

    /// <summary>
    /// The parameters of a Digest value by case-insensitive name; false when the scheme is not
    /// Digest, a token68 form is used, there are too many parameters or a name repeats.
    /// </summary>
    public static bool TryGetDigestParameters(SipAuthHeader header, out IReadOnlyDictionary<string, string> parameters, out string error)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        parameters = map;
        error = "";
        if (!header.IsDigest) { error = "scheme is not Digest"; return false; }
        if (header.Token68 is not null) { error = "token68 is not Digest syntax"; return false; }
        if (header.Parameters.Count > MaxCount) { error = "too many parameters"; return false; }
        foreach (var p in header.Parameters)
        {
            if (p.Value is null) { error = $"missing value for {p.Name}"; return false; }
            if (!map.TryAdd(p.Name, p.Value)) { error = $"duplicate parameter {p.Name}"; return false; }
        }
        return true;
    }

    /// <summary>Appends <c>name="value"</c>, escaping quotes and backslashes.</summary>
    public static void AppendQuoted(StringBuilder builder, string name, string value) =>
        builder.Append(name).Append('=').Append(QuotedString.Quote(value));
}
