using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace CallCluster.Sip.Message.Headers;

/// <summary>
/// A challenge (WWW-/Proxy-Authenticate) or credentials (Authorization/Proxy-Authorization):
/// scheme plus auth-params (quoted values unquoted, <see cref="SipParameter.Quoted"/> set) or a token68 (RFC 3261 25.1, RFC 7235).
/// </summary>
public sealed record SipAuthHeader(string Scheme, IReadOnlyList<SipParameter> Parameters, string? Token68 = null)
{
    /// <summary>True for the Digest scheme.</summary>
    public bool IsDigest => Scheme.Equals("Digest", StringComparison.OrdinalIgnoreCase);

    /// <summary>The value of an auth-param (case-insensitive name).</summary>
    public string? Get(string name) => Parameters.GetParameter(name);

    /// <summary>"Scheme a=b, c="d"".</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(Scheme);
        if (Token68 is not null)
        {
            return sb.Append(' ').Append(Token68).ToString();
        }

        for (var i = 0; i < Parameters.Count; i++)
        {
            sb.Append(i == 0 ? " " : ", ").Append(Parameters[i].ToString());
        }

        return sb.ToString();
    }

    /// <summary>Value equality with parameters in order.</summary>
    public bool Equals(SipAuthHeader? other) => other is not null && Scheme.Equals(other.Scheme, StringComparison.OrdinalIgnoreCase)
        && Token68 == other.Token68 && Parameters.SequenceEqual(other.Parameters);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Scheme.ToLowerInvariant(), Parameters.Count);

    /// <summary>Parses every challenge or credentials value of one header line; never throws.</summary>
    public static bool TryParseList(string text, List<SipAuthHeader> into)
    {
        var s = new HeaderScanner(text);
        if (!s.TryReadToken(out var scheme))
        {
            return false;
        }

        while (true)
        {
            var parameters = new List<SipParameter>();
            s.SkipWs();
            var token68Start = s.Position;
            if (!TryToken68(ref s, out var token68))
            {
                s.Position = token68Start;
                if (!TryParams(ref s, parameters, out var nextScheme))
                {
                    return false;
                }

                into.Add(new SipAuthHeader(scheme.ToString(), parameters));
                if (nextScheme is null)
                {
                    return true;
                }

                scheme = nextScheme.AsSpan();
                continue;
            }

            into.Add(new SipAuthHeader(scheme.ToString(), parameters, token68));
            if (!s.TryNextListElement(out var more))
            {
                return false;
            }

            if (!more || !s.TryReadToken(out scheme))
            {
                return !more;
            }
        }
    }

    /// <summary>Parses a single challenge or credentials value.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out SipAuthHeader? value)
    {
        var list = new List<SipAuthHeader>();
        value = TryParseList(text, list) && list.Count == 1 ? list[0] : null;
        return value is not null;
    }

    // token68 = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=" ; not followed by "=" value
    private static bool TryToken68(ref HeaderScanner s, out string? token68)
    {
        token68 = null;
        var start = s.Position;
        while (char.IsAsciiLetterOrDigit(s.Peek) || s.Peek is '-' or '.' or '_' or '~' or '+' or '/')
        {
            s.Position++;
        }

        if (s.Position == start)
        {
            return s.End;
        }

        while (s.Peek == '=')
        {
            s.Position++;
        }

        var end = s.Position;
        s.SkipWs();
        if (!(s.End || s.Peek == ','))
        {
            return false;
        }

        var text = s.Text[start..end];
        if (text.IndexOf('=') > 0 && text[^1] != '=')
        {
            return false;
        }

        token68 = text.ToString();
        return true;
    }

    private static bool TryParams(ref HeaderScanner s, List<SipParameter> into, out string? nextScheme)
    {
        nextScheme = null;
        while (true)
        {
            if (!s.TryReadToken(out var name) || !s.TryConsume('='))
            {
                return false;
            }

            s.SkipWs();
            if (s.Peek == '"')
            {
                if (!s.TryReadQuoted(out var q))
                {
                    return false;
                }

                into.Add(new SipParameter(name.ToString(), q, true));
            }
            else
            {
                var v = s.ReadUntilAny(", \t");
                if (v.IsEmpty)
                {
                    return false;
                }

                into.Add(new SipParameter(name.ToString(), v.ToString()));
            }

            if (!s.TryNextListElement(out var more))
            {
                return false;
            }

            if (!more)
            {
                return true;
            }

            var mark = s.Position;
            if (!s.TryReadToken(out var next))
            {
                return false;
            }

            s.SkipWs();
            if (s.Peek != '=')
            {
                nextScheme = next.ToString();
                return true;
            }

            s.Position = mark;
        }
    }
}
