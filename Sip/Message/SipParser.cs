using System.Buffers;

namespace CallCluster.Sip.Message;

/// <summary>
/// Parses one SIP message from bytes (RFC 3261 sections 7 and 25). The start line, header boundaries
/// and the scalar headers (Content-Length, CSeq, Max-Forwards, Expires) are checked here; values are
/// materialised only when a typed accessor is read. Never throws for any input.
/// </summary>
public static partial class SipParser
{
    /// <summary>Parses with <see cref="SipParserLimits.Default"/>; the message copies the bytes it keeps.</summary>
    public static bool TryParse(ReadOnlySpan<byte> input, out SipMessage? message, out SipParseError error) =>
        TryParse(input, SipParserLimits.Default, out message, out error);

    /// <summary>
    /// Parses one message from a datagram or a framed stream chunk. Bytes after Content-Length are
    /// ignored; without Content-Length the rest of the input is the body. The message keeps a copy.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> input, SipParserLimits limits, out SipMessage? message, out SipParseError error)
    {
        if (!TryLayout(input, limits, out var layout, out var entries, out error))
        {
            message = null;
            return false;
        }

        var copy = input.Slice(layout.Start, layout.Length).ToArray();
        message = Create(copy, layout, entries);
        return true;
    }

    /// <summary>
    /// Parses like <see cref="TryParse(ReadOnlySpan{byte}, SipParserLimits, out SipMessage?, out SipParseError)"/>
    /// but the message refers to <paramref name="buffer"/> without copying: the caller must not change it afterwards.
    /// </summary>
    public static bool TryParseInPlace(ReadOnlyMemory<byte> buffer, SipParserLimits limits, out SipMessage? message, out SipParseError error)
    {
        if (!TryLayout(buffer.Span, limits, out var layout, out var entries, out error))
        {
            message = null;
            return false;
        }

        message = Create(buffer.Slice(layout.Start, layout.Length), layout, entries);
        return true;
    }

    private static SipMessage Create(ReadOnlyMemory<byte> raw, in MessageLayout layout, HeaderEntry[] entries) =>
        layout.IsResponse
            ? new SipResponse(raw, entries, layout.StartLine, layout.BodyStart)
            : new SipRequest(raw, entries, layout.StartLine, layout.BodyStart);

    private static bool TryLayout(ReadOnlySpan<byte> input, SipParserLimits limits, out MessageLayout layout, out HeaderEntry[] entries, out SipParseError error)
    {
        layout = default;
        entries = [];
        ArgumentNullException.ThrowIfNull(limits);
        var start = 0;
        while (start + 1 < input.Length && input[start] == '\r' && input[start + 1] == '\n')
        {
            start += 2;
        }

        if (start >= input.Length)
        {
            error = new SipParseError(SipRejectReason.Empty, "no message", false);
            return false;
        }

        if (input.Length > limits.MaxMessageSize)
        {
            var isResponseGuess = input[start..].StartsWith("SIP/"u8);
            error = new SipParseError(SipRejectReason.MessageTooLarge, "message exceeds the size limit", isResponseGuess);
            return false;
        }

        var span = input[start..];
        if (!TryStartLine(span, limits, out var startLine, out var isResponse, out error))
        {
            return false;
        }

        // Every header field takes at least four bytes ("a:" CRLF), so the index never outgrows the input.
        var max = Math.Clamp(limits.MaxHeaderCount, 0, (span.Length / 4) + 1);
        var rented = ArrayPool<HeaderEntry>.Shared.Rent(Math.Max(1, max));
        try
        {
            var state = new HeaderState(span, startLine, isResponse, limits);
            if (!TryHeaders(ref state, rented.AsSpan(0, max), out var count, out var bodyStart, out error))
            {
                return false;
            }

            var remaining = span.Length - bodyStart;
            var length = span.Length;
            if (state.ContentLength >= 0)
            {
                if (state.ContentLength > remaining)
                {
                    error = new SipParseError(SipRejectReason.BodyTruncated, "Content-Length exceeds the bytes received", isResponse);
                    return false;
                }

                length = bodyStart + (int)state.ContentLength;
            }

            entries = rented.AsSpan(0, count).ToArray();
            layout = new MessageLayout(start, length, isResponse, startLine, bodyStart);
            return true;
        }
        finally
        {
            ArrayPool<HeaderEntry>.Shared.Return(rented);
        }
    }

    private readonly record struct MessageLayout(int Start, int Length, bool IsResponse, StartLineLayout StartLine, int BodyStart);
}
