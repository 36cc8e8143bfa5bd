namespace CallCluster.Sip.Message;

public static partial class SipParser
{
    // Request-Line = Method SP Request-URI SP SIP-Version CRLF
    // Status-Line  = SIP-Version SP Status-Code SP Reason-Phrase CRLF
    private static bool TryStartLine(ReadOnlySpan<byte> span, SipParserLimits limits, out StartLineLayout layout, out bool isResponse, out SipParseError error)
    {
        layout = default;
        isResponse = span.StartsWith("SIP/"u8);
        if (!TryFindLineEnd(span, 0, limits.MaxLineLength, isResponse, out var end, out error))
        {
            return false;
        }

        var line = span[..end];
        return isResponse ? TryStatusLine(line, end + 2, out layout, out error) : TryRequestLine(line, end + 2, out layout, out error);
    }

    private static bool TryStatusLine(ReadOnlySpan<byte> line, int headersStart, out StartLineLayout layout, out SipParseError error)
    {
        layout = default;
        var sp = line.IndexOf((byte)' ');
        if (sp < 0)
        {
            error = new SipParseError(SipRejectReason.InvalidStatusLine, "status line has no status code", true);
            return false;
        }

        var versionReason = CheckVersion(line[..sp]);
        if (versionReason != SipRejectReason.None)
        {
            error = new SipParseError(versionReason == SipRejectReason.VersionNotSupported ? versionReason : SipRejectReason.InvalidStatusLine, "bad SIP version", true);
            return false;
        }

        var rest = line[(sp + 1)..];
        if (rest.Length < 3 || !IsDigit(rest[0]) || !IsDigit(rest[1]) || !IsDigit(rest[2]) || (rest.Length > 3 && rest[3] != ' '))
        {
            error = new SipParseError(SipRejectReason.InvalidStatusCode, "status code is not three digits", true);
            return false;
        }

        var code = ((rest[0] - '0') * 100) + ((rest[1] - '0') * 10) + (rest[2] - '0');
        if (code is < 100 or > 699)
        {
            error = new SipParseError(SipRejectReason.InvalidStatusCode, "status code out of range", true);
            return false;
        }

        var reasonStart = sp + 1 + Math.Min(4, rest.Length);
        layout = new StartLineLayout(0, 0, 0, code, reasonStart, line.Length - reasonStart, headersStart);
        error = SipParseError.None;
        return true;
    }

    private static bool TryRequestLine(ReadOnlySpan<byte> line, int headersStart, out StartLineLayout layout, out SipParseError error)
    {
        layout = default;
        var sp1 = line.IndexOf((byte)' ');
        if (sp1 <= 0 || !SipSyntax.IsToken(line[..sp1]))
        {
            error = new SipParseError(SipRejectReason.InvalidRequestLine, "method is not a token", false);
            return false;
        }

        var afterMethod = line[(sp1 + 1)..];
        var sp2 = afterMethod.IndexOf((byte)' ');
        if (sp2 <= 0)
        {
            error = new SipParseError(SipRejectReason.InvalidRequestLine, "request line needs exactly one space around the Request-URI", false);
            return false;
        }

        var uri = afterMethod[..sp2];
        var version = afterMethod[(sp2 + 1)..];
        var versionReason = CheckVersion(version);
        if (versionReason != SipRejectReason.None)
        {
            error = new SipParseError(versionReason == SipRejectReason.VersionNotSupported ? versionReason : SipRejectReason.InvalidRequestLine,
                versionReason == SipRejectReason.VersionNotSupported ? "SIP version not supported" : "malformed SIP version or extra spaces", false);
            return false;
        }

        if (!IsUriText(uri))
        {
            error = new SipParseError(SipRejectReason.InvalidRequestUri, "Request-URI has characters a URI cannot hold", false);
            return false;
        }

        layout = new StartLineLayout(sp1, sp1 + 1, sp2, 0, 0, 0, headersStart);
        error = SipParseError.None;
        return true;
    }

    // SIP-Version = "SIP" "/" 1*DIGIT "." 1*DIGIT ; only 2.0 is supported.
    private static SipRejectReason CheckVersion(ReadOnlySpan<byte> v)
    {
        if (v.Length < 7 || !System.Text.Ascii.EqualsIgnoreCase(v[..4], "SIP/"u8))
        {
            return SipRejectReason.InvalidRequestLine;
        }

        var digits = v[4..];
        var dot = digits.IndexOf((byte)'.');
        if (dot <= 0 || dot == digits.Length - 1 || !AllDigits(digits[..dot]) || !AllDigits(digits[(dot + 1)..]))
        {
            return SipRejectReason.InvalidRequestLine;
        }

        return digits.SequenceEqual("2.0"u8) ? SipRejectReason.None : SipRejectReason.VersionNotSupported;
    }

    private static bool IsUriText(ReadOnlySpan<byte> uri)
    {
        var colon = uri.IndexOf((byte)':');
        if (colon <= 0 || !char.IsAsciiLetter((char)uri[0]))
        {
            return false;
        }

        return !uri.ContainsAnyExcept(SipSyntax.UriBytes);
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    private static bool AllDigits(ReadOnlySpan<byte> s)
    {
        foreach (var b in s)
        {
            if (!IsDigit(b))
            {
                return false;
            }
        }

        return !s.IsEmpty;
    }

    // Finds the CR of the CRLF that ends the line starting at 'from'; returns its index.
    private static bool TryFindLineEnd(ReadOnlySpan<byte> span, int from, int maxLine, bool isResponse, out int end, out SipParseError error)
    {
        end = -1;
        var lf = span[from..].IndexOf((byte)'\n');
        if (lf < 0)
        {
            var tooLong = span.Length - from > maxLine;
            error = new SipParseError(tooLong ? SipRejectReason.LineTooLong : SipRejectReason.InvalidLineEnding,
                tooLong ? "line too long" : "line does not end in CRLF", isResponse);
            return false;
        }

        if (lf == 0 || span[from + lf - 1] != '\r')
        {
            error = new SipParseError(SipRejectReason.InvalidLineEnding, "bare LF", isResponse);
            return false;
        }

        end = from + lf - 1;
        if (end - from > maxLine)
        {
            error = new SipParseError(SipRejectReason.LineTooLong, "line too long", isResponse);
            return false;
        }

        error = SipParseError.None;
        return true;
    }
}
