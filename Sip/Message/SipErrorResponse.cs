using System.Buffers;
using System.Text;

namespace CallCluster.Sip.Message;

/// <summary>
/// The answer to a request the parser rejected: its Via, From, To, Call-ID and CSeq lines are found by a
/// lenient line scan and copied into a response with the rejection's status code (RFC 3261 8.2.6, 18.2.1).
/// </summary>
public static class SipErrorResponse
{
    private const int ScanLimit = 16 * 1024;

    /// <summary>
    /// Builds the error response for <paramref name="rejected"/>; false when the rejection is a silent drop or the
    /// bytes lack what a response needs (Via, From, To, Call-ID, CSeq) or the result would not parse.
    /// </summary>
    public static bool TryCreate(ReadOnlySpan<byte> rejected, SipParseError error, string? toTag, out SipResponse? response)
    {
        response = null;
        if (error.ToStatusCode() is not int status)
        {
            return false;
        }

        var output = new ArrayBufferWriter<byte>(512);
        output.Write(Encoding.ASCII.GetBytes(SipStatusLine.Format(status, null) + "\r\n"));
        var text = rejected[..Math.Min(rejected.Length, ScanLimit)];
        var seen = 0;
        var copying = false;
        var first = true;
        while (!text.IsEmpty)
        {
            var lf = text.IndexOf((byte)'\n');
            var line = lf < 0 ? text : text[..lf];
            text = lf < 0 ? [] : text[(lf + 1)..];
            line = line.TrimEnd((byte)'\r');
            if (first || line.IsEmpty)
            {
                if (!first)
                {
                    break;
                }

                first = false;
                continue;
            }

            if (line[0] is (byte)' ' or (byte)'\t')
            {
                if (copying)
                {
                    output.Write(line);
                }

                continue;
            }

            var colon = line.IndexOf((byte)':');
            var id = colon > 0 ? SipHeaderNames.Lookup(line[..colon].TrimEnd(" \t"u8)) : SipHeaderId.Unknown;
            copying = id is SipHeaderId.Via or SipHeaderId.From or SipHeaderId.To or SipHeaderId.CallId or SipHeaderId.CSeq
                && (id == SipHeaderId.Via || (seen & (1 << (int)id)) == 0);
            if (!copying)
            {
                continue;
            }

            seen |= 1 << (int)id;
            if (output.WrittenCount > 0 && !output.WrittenSpan.EndsWith("\r\n"u8))
            {
                output.Write("\r\n"u8);
            }

            output.Write(line);
            if (id == SipHeaderId.To && toTag is not null && line.IndexOf(";tag="u8) < 0)
            {
                output.Write(Encoding.ASCII.GetBytes(";tag=" + toTag));
            }
        }

        const int needed = (1 << (int)SipHeaderId.Via) | (1 << (int)SipHeaderId.From) | (1 << (int)SipHeaderId.To)
            | (1 << (int)SipHeaderId.CallId) | (1 << (int)SipHeaderId.CSeq);
        if ((seen & needed) != needed)
        {
            return false;
        }

        if (!output.WrittenSpan.EndsWith("\r\n"u8))
        {
            output.Write("\r\n"u8);
        }

        output.Write("Content-Length: 0\r\n\r\n"u8);
        if (SipParser.TryParse(output.WrittenSpan, out var parsed, out _) && parsed is SipResponse r)
        {
            response = r;
            return true;
        }

        return false;
    }
}
