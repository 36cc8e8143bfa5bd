using System.Buffers;

namespace CallCluster.Sip.Message;

/// <summary>Character classes of the SIP grammar (RFC 3261 section 25.1).</summary>
public static class SipSyntax
{
    private const string TokenAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~";

    /// <summary>The token characters, for vectorised searches.</summary>
    internal static readonly SearchValues<byte> TokenBytes = SearchValues.Create(System.Text.Encoding.ASCII.GetBytes(TokenAlphabet));

    /// <summary>Bytes a Request-URI may hold: visible ASCII except the ones RFC 3986 never allows.</summary>
    internal static readonly SearchValues<byte> UriBytes = SearchValues.Create(
        Enumerable.Range(0x21, 0x7F - 0x21).Select(b => (byte)b).Where(b => b is not ((byte)'<' or (byte)'>' or (byte)'"' or (byte)'\\' or (byte)'{' or (byte)'}' or (byte)'|' or (byte)'^')).ToArray());

    /// <summary>token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~").</summary>
    public static bool IsTokenChar(int c) =>
        (uint)(c - 'a') <= 'z' - 'a' || (uint)(c - 'A') <= 'Z' - 'A' || (uint)(c - '0') <= 9
        || c is '-' or '.' or '!' or '%' or '*' or '_' or '+' or '`' or '\'' or '~';

    /// <summary>True when every byte is a token character and there is at least one.</summary>
    public static bool IsToken(ReadOnlySpan<byte> value) => !value.IsEmpty && !value.ContainsAnyExcept(TokenBytes);

    /// <summary>True when every char is a token character and there is at least one.</summary>
    public static bool IsToken(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!IsTokenChar(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Space or horizontal tab.</summary>
    public static bool IsWhitespace(int c) => c is ' ' or '\t';

    /// <summary>A URI scheme: ALPHA *(ALPHA / DIGIT / "+" / "-" / ".").</summary>
    public static bool IsScheme(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty || !char.IsAsciiLetter(s[0]))
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
