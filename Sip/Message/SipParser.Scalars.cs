namespace CallCluster.Sip.Message;

public static partial class SipParser
{
    // Byte-level checks of the headers every layer relies on; nothing is allocated here.
    private static bool TryScalar(ref HeaderState state, in HeaderEntry entry, out SipParseError error)
    {
        var id = entry.Id;
        if (id == SipHeaderId.Unknown)
        {
            error = SipParseError.None;
            return true;
        }

        if (SipHeaderNames.IsSingleValued(id) && Seen(ref state, id))
        {
            error = Fail(ref state, SipRejectReason.DuplicateHeader, "several " + SipHeaderNames.GetName(id) + " header fields");
            return false;
        }

        MarkSeen(ref state, id);
        var value = state.Span.Slice(entry.ValueStart, entry.ValueLength);
        switch (id)
        {
            case SipHeaderId.ContentLength:
                if (!TryDecimal(value, int.MaxValue, out var length))
                {
                    error = Fail(ref state, SipRejectReason.InvalidContentLength, "Content-Length is not a valid number");
                    return false;
                }

                state.ContentLength = length;
                break;
            case SipHeaderId.MaxForwards:
                if (!TryDecimal(value, 255, out _))
                {
                    error = Fail(ref state, SipRejectReason.InvalidMaxForwards, "Max-Forwards is not a number from 0 to 255");
                    return false;
                }

                break;
            case SipHeaderId.Expires:
                if (!TryDecimal(value, uint.MaxValue, out _))
                {
                    error = Fail(ref state, SipRejectReason.InvalidExpires, "Expires is not a 32-bit delta-seconds value");
                    return false;
                }

                break;
            case SipHeaderId.CSeq:
                return TryCSeq(ref state, value, out error);
        }

        error = SipParseError.None;
        return true;
    }

    // CSeq = 1*DIGIT LWS Method ; the number is below 2**31 (RFC 3261 8.1.1.5).
    private static bool TryCSeq(ref HeaderState state, ReadOnlySpan<byte> value, out SipParseError error)
    {
        var i = 0;
        while (i < value.Length && IsDigit(value[i]))
        {
            i++;
        }

        var methodStart = SkipLws(value, i, value.Length);
        if (i == 0 || methodStart == i || !TryDecimal(value[..i], int.MaxValue, out _))
        {
            error = Fail(ref state, SipRejectReason.InvalidCSeq, "CSeq number is missing or too large");
            return false;
        }

        var method = value[methodStart..];
        if (!SipSyntax.IsToken(method))
        {
            error = Fail(ref state, SipRejectReason.InvalidCSeq, "CSeq method is not a token");
            return false;
        }

        if (!state.IsResponse && !method.SequenceEqual(state.Span[..state.StartLine.MethodLength]))
        {
            error = Fail(ref state, SipRejectReason.InvalidCSeq, "CSeq method differs from the request method");
            return false;
        }

        error = SipParseError.None;
        return true;
    }

    /// <summary>Parses 1*DIGIT into a value no larger than <paramref name="max"/>; leading zeros are allowed.</summary>
    internal static bool TryDecimal(ReadOnlySpan<byte> digits, long max, out long value)
    {
        value = 0;
        if (digits.IsEmpty)
        {
            return false;
        }

        foreach (var b in digits)
        {
            if (!IsDigit(b))
            {
                return false;
            }

            value = (value * 10) + (b - '0');
            if (value > max)
            {
                return false;
            }
        }

        return true;
    }
}
