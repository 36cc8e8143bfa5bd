using System.Text;

namespace CallCluster.Sip.Message;

/// <summary>%-escaping of URI components (RFC 3261 25.1 "escaped").</summary>
public static class UriEscaping
{
    /// <summary>True when every '%' starts a valid %HH escape.</summary>
    public static bool HasValidEscapes(ReadOnlySpan<char> s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '%' && (i + 2 >= s.Length || !char.IsAsciiHexDigit(s[i + 1]) || !char.IsAsciiHexDigit(s[i + 2])))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Decodes %HH escapes (as UTF-8); invalid escapes are kept as written.</summary>
    public static string Unescape(ReadOnlySpan<char> s)
    {
        if (s.IndexOf('%') < 0)
        {
            return s.ToString();
        }

        var bytes = new List<byte>(s.Length);
        Span<byte> one = stackalloc byte[4];
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '%' && i + 2 < s.Length && char.IsAsciiHexDigit(s[i + 1]) && char.IsAsciiHexDigit(s[i + 2]))
            {
                bytes.Add((byte)((HexValue(s[i + 1]) << 4) | HexValue(s[i + 2])));
                i += 2;
                continue;
            }

            var n = Encoding.UTF8.GetBytes(s.Slice(i, 1), one);
            for (var k = 0; k < n; k++)
            {
                bytes.Add(one[k]);
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    /// <summary>Escapes every character for which <paramref name="allowed"/> is false (as UTF-8 %HH).</summary>
    public static string Escape(string value, Func<char, bool> allowed)
    {
        var sb = new StringBuilder(value.Length);
        Span<byte> buf = stackalloc byte[4];
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c < 0x80 && allowed(c))
            {
                sb.Append(c);
                continue;
            }

            var len = char.IsHighSurrogate(c) && i + 1 < value.Length ? 2 : 1;
            var n = Encoding.UTF8.GetBytes(value.AsSpan(i, len), buf);
            for (var k = 0; k < n; k++)
            {
                sb.Append('%').Append(buf[k].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }

            i += len - 1;
        }

        return sb.ToString();
    }

    /// <summary>unreserved = alphanum / mark.</summary>
    public static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '!' or '~' or '*' or '\'' or '(' or ')';

    /// <summary>Characters allowed unescaped in the user part.</summary>
    public static bool IsUserChar(char c) => IsUnreserved(c) || c is '&' or '=' or '+' or '$' or ',' or ';' or '?' or '/';

    /// <summary>Characters allowed unescaped in the password.</summary>
    public static bool IsPasswordChar(char c) => IsUnreserved(c) || c is '&' or '=' or '+' or '$' or ',';

    /// <summary>Characters allowed unescaped in URI parameter names and values.</summary>
    public static bool IsParamChar(char c) => IsUnreserved(c) || c is '[' or ']' or '/' or ':' or '&' or '+' or '$';

    /// <summary>Characters allowed unescaped in URI header names and values.</summary>
    public static bool IsHeaderChar(char c) => IsUnreserved(c) || c is '[' or ']' or '/' or '?' or ':' or '+' or '$';

    internal static bool AllOf(ReadOnlySpan<char> s, Func<char, bool> allowed)
    {
        foreach (var c in s)
        {
            if (c != '%' && !allowed(c))
            {
                return false;
            }
        }

        return HasValidEscapes(s);
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
