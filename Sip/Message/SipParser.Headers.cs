namespace CallCluster.Sip.Message;

public static partial class SipParser
{
    private ref struct HeaderState(ReadOnlySpan<byte> span, StartLineLayout startLine, bool isResponse, SipParserLimits limits)
    {
        public readonly ReadOnlySpan<byte> Span = span;
        public readonly StartLineLayout StartLine = startLine;
        public readonly bool IsResponse = isResponse;
        public readonly SipParserLimits Limits = limits;
        public long ContentLength = -1;
        public ulong SeenLow;
        public ulong SeenHigh;
    }

    // message-header = field-name HCOLON field-value CRLF, with LWS folding (RFC 3261 7.3.1).
    private static bool TryHeaders(ref HeaderState state, Span<HeaderEntry> entries, out int count, out int bodyStart, out SipParseError error)
    {
        var span = state.Span;
        var pos = state.StartLine.HeadersStart;
        count = 0;
        bodyStart = 0;
        while (true)
        {
            if (pos + 1 >= span.Length)
            {
                error = Fail(ref state, SipRejectReason.InvalidLineEnding, "header section does not end with an empty line");
                return false;
            }

            if (span[pos] == '\r')
            {
                if (span[pos + 1] != '\n')
                {
                    error = Fail(ref state, SipRejectReason.InvalidLineEnding, "bare CR");
                    return false;
                }

                bodyStart = pos + 2;
                break;
            }

            if (count >= entries.Length)
            {
                error = Fail(ref state, SipRejectReason.TooManyHeaders, "too many header fields");
                return false;
            }

            if (!TryHeader(ref state, pos, out var entry, out pos, out error))
            {
                return false;
            }

            entries[count++] = entry;
        }

        return TryMandatory(ref state, out error);
    }

    private static bool TryHeader(ref HeaderState state, int start, out HeaderEntry entry, out int next, out SipParseError error)
    {
        var span = state.Span;
        entry = default;
        next = start;
        var nameLength = span[start..].IndexOfAnyExcept(SipSyntax.TokenBytes);
        var i = nameLength < 0 ? span.Length : start + nameLength;
        var nameEnd = i;
        while (i < span.Length && SipSyntax.IsWhitespace(span[i]))
        {
            i++;
        }

        if (nameEnd == start || i >= span.Length || span[i] != ':' || nameEnd - start > ushort.MaxValue)
        {
            error = Fail(ref state, SipRejectReason.InvalidHeaderLine, "header line without a valid name and colon");
            return false;
        }

        var cursor = i + 1;
        var folded = false;
        int end;
        while (true)
        {
            if (!TryFindLineEnd(span, cursor, state.Limits.MaxLineLength, state.IsResponse, out end, out error))
            {
                return false;
            }

            if (end + 2 < span.Length && SipSyntax.IsWhitespace(span[end + 2]))
            {
                folded = true;
                cursor = end + 2;
                continue;
            }

            break;
        }

        if (end - start > state.Limits.MaxLineLength)
        {
            error = Fail(ref state, SipRejectReason.LineTooLong, "header field too long");
            return false;
        }

        var valueStart = SkipLws(span, i + 1, end);
        var valueEnd = end;
        while (valueEnd > valueStart)
        {
            if (SipSyntax.IsWhitespace(span[valueEnd - 1]))
            {
                valueEnd--;
            }
            else if (valueEnd - valueStart >= 2 && span[valueEnd - 1] == '\n' && span[valueEnd - 2] == '\r')
            {
                valueEnd -= 2;
            }
            else
            {
                break;
            }
        }

        var id = SipHeaderNames.Lookup(span[start..nameEnd]);
        entry = new HeaderEntry(start, (ushort)(nameEnd - start), id, folded, valueStart, valueEnd - valueStart);
        next = end + 2;
        return TryScalar(ref state, entry, out error);
    }

    private static int SkipLws(ReadOnlySpan<byte> span, int i, int end)
    {
        while (i < end)
        {
            if (SipSyntax.IsWhitespace(span[i]))
            {
                i++;
            }
            else if (span[i] == '\r' && i + 2 < end && span[i + 1] == '\n' && SipSyntax.IsWhitespace(span[i + 2]))
            {
                i += 3;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    private static bool TryMandatory(ref HeaderState state, out SipParseError error)
    {
        foreach (var id in (ReadOnlySpan<SipHeaderId>)[SipHeaderId.Via, SipHeaderId.From, SipHeaderId.To, SipHeaderId.CallId, SipHeaderId.CSeq])
        {
            if (!Seen(ref state, id))
            {
                error = Fail(ref state, SipRejectReason.MissingHeader, "missing " + SipHeaderNames.GetName(id));
                return false;
            }
        }

        error = SipParseError.None;
        return true;
    }

    private static bool Seen(ref HeaderState state, SipHeaderId id) =>
        (int)id < 64 ? (state.SeenLow & (1UL << (int)id)) != 0 : (state.SeenHigh & (1UL << ((int)id - 64))) != 0;

    private static void MarkSeen(ref HeaderState state, SipHeaderId id)
    {
        if ((int)id < 64)
        {
            state.SeenLow |= 1UL << (int)id;
        }
        else
        {
            state.SeenHigh |= 1UL << ((int)id - 64);
        }
    }

    private static SipParseError Fail(ref HeaderState state, SipRejectReason reason, string detail) =>
        new(reason, detail, state.IsResponse);
}
