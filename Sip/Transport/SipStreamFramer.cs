using System.Buffers;

namespace CallCluster.Sip.Transport;

/// <summary>One frame cut from a stream.</summary>
/// <param name="Message">The message bytes (empty for keep-alives); a slice of the input buffer.</param>
/// <param name="End">Position just after the frame: where the reader may advance to.</param>
public readonly record struct SipFrame(SipFrameKind Kind, ReadOnlySequence<byte> Message, SequencePosition End);

/// <summary>
/// Splits a stream transport's bytes into SIP messages (RFC 3261 section 18.3): the header
/// section ends at the first empty line and the body is exactly Content-Length bytes; a message
/// without Content-Length cannot be framed and the connection must be closed. Double CRLF is a
/// keep-alive ping and a lone CRLF before other data is skipped (RFC 5626 section 3.5.1).
/// Nothing is consumed until a frame is whole. This is not a parser: only the Content-Length
/// header is looked at, the rest is left to the message parser.
/// </summary>
public static class SipStreamFramer
{
    private static ReadOnlySpan<byte> HeaderEnd => "\r\n\r\n"u8;

    /// <summary>Tries to cut the first frame from <paramref name="buffer"/>.</summary>
    public static SipFrameStatus TryRead(in ReadOnlySequence<byte> buffer, SipFramerLimits limits, out SipFrame frame, out SipFrameError error)
    {
        frame = default;
        error = SipFrameError.None;
        if (buffer.IsEmpty) return SipFrameStatus.NeedMoreData;

        var keepAlive = TryReadKeepAlive(buffer, out frame);
        if (keepAlive != null) return keepAlive.Value;

        if (!TryFindHeaderEnd(buffer, limits, out var headerLength, out error))
        {
            return error == SipFrameError.None ? SipFrameStatus.NeedMoreData : SipFrameStatus.Invalid;
        }

        error = ContentLengthScanner.Find(buffer.Slice(0, headerLength), out var bodyLength);
        if (error != SipFrameError.None) return SipFrameStatus.Invalid;
        var total = headerLength + HeaderEnd.Length + bodyLength;
        if (total > limits.MaxMessageBytes)
        {
            error = SipFrameError.MessageTooLarge;
            return SipFrameStatus.Invalid;
        }
        if (buffer.Length < total) return SipFrameStatus.NeedMoreData;

        var message = buffer.Slice(0, total);
        frame = new SipFrame(SipFrameKind.Message, message, message.End);
        return SipFrameStatus.Done;
    }

    /// <summary>Length of the header section (without the blank line); false with no error when more data is needed.</summary>
    private static bool TryFindHeaderEnd(in ReadOnlySequence<byte> buffer, SipFramerLimits limits, out long headerLength, out SipFrameError error)
    {
        error = SipFrameError.None;
        headerLength = -1;
        var window = Math.Min(buffer.Length, (long)limits.MaxHeaderBytes + HeaderEnd.Length);
        if (buffer.IsSingleSegment)
        {
            headerLength = buffer.FirstSpan[..(int)window].IndexOf(HeaderEnd);
        }
        else
        {
            var reader = new SequenceReader<byte>(buffer.Slice(0, window));
            if (reader.TryReadTo(out ReadOnlySequence<byte> headers, HeaderEnd, advancePastDelimiter: false)) headerLength = headers.Length;
        }
        if (headerLength >= 0) return true;
        if (window == (long)limits.MaxHeaderBytes + HeaderEnd.Length) error = SipFrameError.HeaderSectionTooLarge;
        return false;
    }

    private static SipFrameStatus? TryReadKeepAlive(in ReadOnlySequence<byte> buffer, out SipFrame frame)
    {
        frame = default;
        Span<byte> head = stackalloc byte[4];
        var available = (int)Math.Min(buffer.Length, 4);
        buffer.Slice(0, available).CopyTo(head);
        head = head[..available];
        if (head[0] != (byte)'\r') return null;
        if (available < 2) return SipFrameStatus.NeedMoreData;
        if (head[1] != (byte)'\n') return null;
        if (available < 3) return SipFrameStatus.NeedMoreData;
        if (head[2] != (byte)'\r')
        {
            frame = new SipFrame(SipFrameKind.Pong, ReadOnlySequence<byte>.Empty, buffer.GetPosition(2));
            return SipFrameStatus.Done;
        }
        if (available < 4) return SipFrameStatus.NeedMoreData;
        if (head[3] != (byte)'\n')
        {
            frame = new SipFrame(SipFrameKind.Pong, ReadOnlySequence<byte>.Empty, buffer.GetPosition(2));
            return SipFrameStatus.Done;
        }
        frame = new SipFrame(SipFrameKind.Ping, ReadOnlySequence<byte>.Empty, buffer.GetPosition(4));
        return SipFrameStatus.Done;
    }
}
