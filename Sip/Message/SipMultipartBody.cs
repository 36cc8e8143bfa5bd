using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace CallCluster.Sip.Message;

/// <summary>One part of a multipart body: its header fields and its content, a byte-exact slice of the body.</summary>
public sealed record SipBodyPart(IReadOnlyList<SipHeaderField> Headers, ReadOnlyMemory<byte> Content)
{
    /// <summary>The part's Content-Type value, or null (text/plain by default per RFC 2046).</summary>
    public string? ContentType => Headers.FirstOrDefault(h => h.Id == SipHeaderId.ContentType).Value;
}

/// <summary>Splits a multipart body (RFC 2046 section 5.1) without copying the parts' content.</summary>
public static class SipMultipartBody
{
    private const int MaxParts = 64;

    /// <summary>The parts between "--boundary" delimiters; false when the body does not follow the grammar.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> body, string boundary, [NotNullWhen(true)] out IReadOnlyList<SipBodyPart>? parts)
    {
        parts = null;
        if (string.IsNullOrEmpty(boundary) || boundary.Length > 70)
        {
            return false;
        }

        var delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        var span = body.Span;
        var at = span.StartsWith(delimiter) ? 0 : IndexOfDelimiter(span, 0, delimiter);
        var list = new List<SipBodyPart>();
        while (at >= 0 && list.Count < MaxParts)
        {
            var after = at + delimiter.Length;
            if (span[after..].StartsWith("--"u8))
            {
                parts = list;
                return true;
            }

            while (after < span.Length && span[after] is (byte)' ' or (byte)'\t')
            {
                after++;
            }

            if (!span[after..].StartsWith("\r\n"u8))
            {
                return false;
            }

            var start = after + 2;
            var next = IndexOfDelimiter(span, start - 2, delimiter);
            if (next < 0 || !TryPart(body, start, next, out var part))
            {
                return false;
            }

            list.Add(part);
            at = next;
        }

        return false;
    }

    // A delimiter starts a line: CRLF "--boundary"; returns the index of the "--".
    private static int IndexOfDelimiter(ReadOnlySpan<byte> span, int from, byte[] delimiter)
    {
        while (from < span.Length)
        {
            var i = span[from..].IndexOf("\r\n"u8);
            if (i < 0)
            {
                return -1;
            }

            var candidate = from + i + 2;
            if (span[candidate..].StartsWith(delimiter))
            {
                return candidate;
            }

            from = candidate;
        }

        return -1;
    }

    // part = headers CRLF content; the CRLF before the next delimiter belongs to the delimiter.
    private static bool TryPart(ReadOnlyMemory<byte> body, int start, int delimiterAt, [NotNullWhen(true)] out SipBodyPart? part)
    {
        part = null;
        var end = delimiterAt - 2;
        if (end < start)
        {
            end = start;
        }

        var span = body.Span[start..end];
        var headers = new List<SipHeaderField>();
        var pos = 0;
        while (true)
        {
            var lineEnd = span[pos..].IndexOf("\r\n"u8);
            if (lineEnd < 0)
            {
                if (pos == span.Length)
                {
                    break;
                }

                return false;
            }

            if (lineEnd == 0)
            {
                pos += 2;
                break;
            }

            var line = span.Slice(pos, lineEnd);
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                return false;
            }

            headers.Add(new SipHeaderField(Encoding.ASCII.GetString(line[..colon].TrimEnd(" \t"u8)), Encoding.UTF8.GetString(line[(colon + 1)..].Trim(" \t"u8))));
            pos += lineEnd + 2;
        }

        part = new SipBodyPart(headers, body.Slice(start + Math.Min(pos, span.Length), span.Length - Math.Min(pos, span.Length)));
        return true;
    }
}
