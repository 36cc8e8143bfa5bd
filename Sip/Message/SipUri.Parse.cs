using System.Diagnostics.CodeAnalysis;
using CallCluster.Sip.Message.Headers;

namespace CallCluster.Sip.Message;

public sealed partial class SipUri
{
    /// <summary>Parses a URI; never throws.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out SipUri? uri)
    {
        uri = null;
        var colon = text.IndexOf(':');
        if (colon <= 0 || !SipSyntax.IsScheme(text[..colon]))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c <= ' ' || c >= 0x7F || c is '<' or '>' or '"')
            {
                return false;
            }
        }

        var schemeText = text[..colon];
        var scheme = schemeText.Equals("sip", StringComparison.OrdinalIgnoreCase) ? "sip"
            : schemeText.Equals("sips", StringComparison.OrdinalIgnoreCase) ? "sips"
            : schemeText.Equals("tel", StringComparison.OrdinalIgnoreCase) ? "tel"
            : schemeText.ToString().ToLowerInvariant();
        var rest = text[(colon + 1)..];
        return scheme switch
        {
            "sip" or "sips" => TryParseSip(text, scheme, rest, out uri),
            "tel" => TryParseTel(text, rest, out uri),
            _ => TryParseOpaque(text, scheme, rest, out uri),
        };
    }

    /// <summary>Parses a URI or throws <see cref="FormatException"/>.</summary>
    public static SipUri Parse(string text) =>
        TryParse(text, out var uri) ? uri : throw new FormatException("not a valid URI: " + text);

    private static bool TryParseOpaque(ReadOnlySpan<char> text, string scheme, ReadOnlySpan<char> rest, out SipUri? uri)
    {
        uri = rest.IsEmpty ? null : new SipUri(text.ToString(), scheme, null, null, string.Empty, null, [], []);
        return uri is not null;
    }

    private static bool TryParseTel(ReadOnlySpan<char> text, ReadOnlySpan<char> rest, out SipUri? uri)
    {
        uri = null;
        var semi = rest.IndexOf(';');
        var number = semi < 0 ? rest : rest[..semi];
        if (number.IsEmpty)
        {
            return false;
        }

        foreach (var c in number)
        {
            if (!char.IsAsciiHexDigit(c) && c is not ('+' or '-' or '.' or '(' or ')' or '*' or '#' or 'p' or 'P' or 'w' or 'W'))
            {
                return false;
            }
        }

        var parameters = new List<SipParameter>();
        if (semi >= 0 && (!TryUriParams(rest[semi..], parameters, out var used) || used != rest.Length - semi))
        {
            return false;
        }

        uri = new SipUri(text.ToString(), "tel", number.ToString(), null, string.Empty, null, parameters, []);
        return true;
    }

    private static bool TryParseSip(ReadOnlySpan<char> text, string scheme, ReadOnlySpan<char> rest, out SipUri? uri)
    {
        uri = null;
        string? user = null;
        string? password = null;
        var at = rest.IndexOf('@');
        if (at >= 0)
        {
            var userinfo = rest[..at];
            var pc = userinfo.IndexOf(':');
            var userPart = pc < 0 ? userinfo : userinfo[..pc];
            if (userPart.IsEmpty || !UriEscaping.AllOf(userPart, UriEscaping.IsUserChar))
            {
                return false;
            }

            if (pc >= 0)
            {
                var pw = userinfo[(pc + 1)..];
                if (!UriEscaping.AllOf(pw, UriEscaping.IsPasswordChar))
                {
                    return false;
                }

                password = UriEscaping.Unescape(pw);
            }

            user = UriEscaping.Unescape(userPart);
            rest = rest[(at + 1)..];
        }

        int hostEnd;
        if (!rest.IsEmpty && rest[0] == '[')
        {
            hostEnd = rest.IndexOf(']') + 1;
            if (hostEnd <= 0)
            {
                return false;
            }
        }
        else
        {
            hostEnd = rest.IndexOfAny(":;?");
            hostEnd = hostEnd < 0 ? rest.Length : hostEnd;
        }

        var host = rest[..hostEnd];
        if (!HostSyntax.IsValidHost(host))
        {
            return false;
        }

        var i = hostEnd;
        int? port = null;
        if (i < rest.Length && rest[i] == ':')
        {
            var portEnd = rest[(i + 1)..].IndexOfAny(";?");
            var digits = portEnd < 0 ? rest[(i + 1)..] : rest.Slice(i + 1, portEnd);
            if (digits.IsEmpty || digits.Length > 5 || !int.TryParse(digits, System.Globalization.NumberStyles.None, null, out var p) || p > 65535)
            {
                return false;
            }

            port = p;
            i += 1 + digits.Length;
        }

        var parameters = new List<SipParameter>();
        if (!TryUriParams(rest[i..], parameters, out var used))
        {
            return false;
        }

        i += used;
        var headers = new List<SipParameter>();
        if (i < rest.Length && (rest[i] != '?' || !TryUriHeaders(rest[(i + 1)..], headers)))
        {
            return false;
        }

        uri = new SipUri(text.ToString(), scheme, user, password, host.ToString(), port, parameters, headers);
        return true;
    }

    // uri-parameters = *( ";" uri-parameter ); stops at "?" or the end.
    private static bool TryUriParams(ReadOnlySpan<char> s, List<SipParameter> into, out int used)
    {
        used = 0;
        while (used < s.Length && s[used] == ';')
        {
            var start = used + 1;
            var len = s[start..].IndexOfAny(";?");
            var item = len < 0 ? s[start..] : s.Slice(start, len);
            var eq = item.IndexOf('=');
            var name = eq < 0 ? item : item[..eq];
            if (name.IsEmpty || !UriEscaping.AllOf(name, UriEscaping.IsParamChar))
            {
                return false;
            }

            string? value = null;
            if (eq >= 0)
            {
                var v = item[(eq + 1)..];
                if (v.IsEmpty || !UriEscaping.AllOf(v, UriEscaping.IsParamChar))
                {
                    return false;
                }

                value = v.ToString();
            }

            into.Add(new SipParameter(ParameterNames.Intern(name), value));
            used = start + item.Length;
        }

        return true;
    }

    // headers = "?" header *( "&" header ); header = hname "=" hvalue
    private static bool TryUriHeaders(ReadOnlySpan<char> s, List<SipParameter> into)
    {
        while (true)
        {
            var amp = s.IndexOf('&');
            var item = amp < 0 ? s : s[..amp];
            var eq = item.IndexOf('=');
            if (eq <= 0 || !UriEscaping.AllOf(item[..eq], UriEscaping.IsHeaderChar) || !UriEscaping.AllOf(item[(eq + 1)..], UriEscaping.IsHeaderChar))
            {
                return false;
            }

            into.Add(new SipParameter(item[..eq].ToString(), item[(eq + 1)..].ToString()));
            if (amp < 0)
            {
                return true;
            }

            s = s[(amp + 1)..];
        }
    }
}
