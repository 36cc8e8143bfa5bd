using System.Text;

namespace CallCluster.Sip.Auth;

/// <summary>
/// Reads and writes the value of Authorization, Proxy-Authorization, WWW-Authenticate and
/// Proxy-Authenticate: <c>scheme LWS name=token-or-quoted *("," name=token-or-quoted)</c>
/// (RFC 3261 section 25.1). Names are case-insensitive; duplicates are rejected.
/// </summary>
public static class AuthParameters
{
    /// <summary>Longest header value accepted, in characters.</summary>
    public const int MaxLength = 8192;

    /// <summary>Most parameters accepted in one value.</summary>
    public const int MaxCount = 32;

    /// <summary>Splits a header value into its scheme and parameters; false with a reason on bad input.</summary>
    public static bool TryParse(
        string? value,
        out string scheme,
        out IReadOnlyDictionary<string, string> parameters,
        out string error)
    {
        scheme = "";
        parameters = new Dictionary<string, string>();
        error = "";
        if (string.IsNullOrEmpty(value)) { error = "empty value"; return false; }
        if (value.Length > MaxLength) { error = "value too long"; return false; }

        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = SkipSpace(value, 0);
        var start = i;
        while (i < value.Length && IsTokenChar(value[i])) i++;
        if (i == start) { error = "missing scheme"; return false; }
        scheme = value[start..i];
        if (i < value.Length && !IsSpace(value[i])) { error = "bad character after scheme"; return false; }

        i = SkipSpace(value, i);
        while (i < value.Length)
        {
            if (!TryReadParameter(value, ref i, out var name, out var paramValue, out error)) return false;
            if (map.Count >= MaxCount) { error = "too many parameters"; return false; }
            if (!map.TryAdd(name, paramValue)) { error = $"duplicate parameter {name}"; return false; }
            i = SkipSpace(value, i);
            if (i == value.Length) break;
            if (value[i] != ',') { error = "expected ','"; return false; }
            i = SkipSpace(value, i + 1);
            if (i == value.Length) { error = "trailing ','"; return false; }
        }

        parameters = map;
        return true;
    }

    private static bool TryReadParameter(string s, ref int i, out string name, out string value, out string error)
    {
        value = "";
        error = "";
        var start = i;
        while (i < s.Length && IsTokenChar(s[i])) i++;
        name = s[start..i];
        if (name.Length == 0) { error = "expected parameter name"; return false; }
        i = SkipSpace(s, i);
        if (i >= s.Length || s[i] != '=') { error = $"expected '=' after {name}"; return false; }
        i = SkipSpace(s, i + 1);
        if (i < s.Length && s[i] == '"') return TryReadQuoted(s, ref i, out value, out error);
        start = i;
        while (i < s.Length && IsTokenChar(s[i])) i++;
        if (i == start) { error = $"missing value for {name}"; return false; }
        value = s[start..i];
        return true;
    }

    private static bool TryReadQuoted(string s, ref int i, out string value, out string error)
    {
        var builder = new StringBuilder();
        i++;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '"') { i++; value = builder.ToString(); error = ""; return true; }
            if (c == '\\')
            {
                if (i + 1 >= s.Length) break;
                c = s[i + 1];
                i++;
            }
            if (c is '\r' or '\n' or '\0') { value = ""; error = "control character in quoted string"; return false; }
            builder.Append(c);
            i++;
        }
        value = "";
        error = "unterminated quoted string";
        return false;
    }

    /// <summary>Appends <c>name="value"</c>, escaping quotes and backslashes.</summary>
    public static void AppendQuoted(StringBuilder builder, string name, string value)
    {
        builder.Append(name).Append("=\"");
        foreach (var c in value)
        {
            if (c is '"' or '\\') builder.Append('\\');
            builder.Append(c);
        }
        builder.Append('"');
    }

    /// <summary>True when <paramref name="value"/> is a non-empty RFC 3261 token.</summary>
    public static bool IsToken(string value) => value.Length > 0 && value.All(IsTokenChar);

    private static int SkipSpace(string s, int i)
    {
        while (i < s.Length && IsSpace(s[i])) i++;
        return i;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private static bool IsTokenChar(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')
            or '-' or '.' or '!' or '%' or '*' or '_' or '+' or '`' or '\'' or '~';
}
