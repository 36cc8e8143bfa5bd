using System.Text;

namespace CallCluster.Sip.Message.Headers;

/// <summary>A forward-only reader over an unfolded header value (folding already replaced by SP).</summary>
internal ref struct HeaderScanner(ReadOnlySpan<char> text)
{
    private readonly ReadOnlySpan<char> text = text;

    public int Position { get; set; }

    public readonly bool End => Position >= text.Length;

    public readonly char Peek => Position < text.Length ? text[Position] : '\0';

    public readonly ReadOnlySpan<char> Rest => text[Position..];

    public readonly ReadOnlySpan<char> Text => text;

    public void SkipWs()
    {
        while (Position < text.Length && text[Position] is ' ' or '\t')
        {
            Position++;
        }
    }

    /// <summary>Skips whitespace, then consumes <paramref name="c"/> if it is next.</summary>
    public bool TryConsume(char c)
    {
        SkipWs();
        if (Position < text.Length && text[Position] == c)
        {
            Position++;
            return true;
        }

        return false;
    }

    /// <summary>Skips whitespace and reads a token.</summary>
    public bool TryReadToken(out ReadOnlySpan<char> token)
    {
        SkipWs();
        var start = Position;
        while (Position < text.Length && SipSyntax.IsTokenChar(text[Position]))
        {
            Position++;
        }

        token = text[start..Position];
        return !token.IsEmpty;
    }

    /// <summary>Reads a quoted-string (the opening quote must be next) and returns its unescaped content.</summary>
    public bool TryReadQuoted(out string value)
    {
        value = string.Empty;
        SkipWs();
        if (Peek != '"')
        {
            return false;
        }

        var sb = new StringBuilder();
        var i = Position + 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"')
            {
                Position = i + 1;
                value = sb.ToString();
                return true;
            }

            if (c == '\\')
            {
                if (i + 1 >= text.Length || text[i + 1] is '\r' or '\n')
                {
                    return false;
                }

                sb.Append(text[i + 1]);
                i += 2;
                continue;
            }

            if (c is '\r' or '\n')
            {
                return false;
            }

            sb.Append(c);
            i++;
        }

        return false;
    }

    /// <summary>Reads characters up to (not including) the first of <paramref name="stops"/> or the end.</summary>
    public ReadOnlySpan<char> ReadUntilAny(ReadOnlySpan<char> stops)
    {
        var start = Position;
        var rel = text[start..].IndexOfAny(stops);
        Position = rel < 0 ? text.Length : start + rel;
        return text[start..Position];
    }

    /// <summary>After an element of a comma list: false on stray characters; otherwise true, with
    /// <paramref name="more"/> set when a comma (consumed) announces another element.</summary>
    public bool TryNextListElement(out bool more)
    {
        SkipWs();
        more = false;
        if (End)
        {
            return true;
        }

        if (Peek != ',')
        {
            return false;
        }

        Position++;
        more = true;
        return true;
    }
}
