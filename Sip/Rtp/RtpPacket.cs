namespace CallCluster.Sip.Rtp;

/// <summary>
/// A view of one RTP datagram: its header and the payload between the header and any padding.
/// Reading allocates nothing; the payload is a slice of the datagram.
/// </summary>
public readonly ref struct RtpPacket
{
    private RtpPacket(RtpHeader header, int headerLength, ReadOnlySpan<byte> payload, int paddingLength)
    {
        Header = header;
        HeaderLength = headerLength;
        Payload = payload;
        PaddingLength = paddingLength;
    }

    /// <summary>The header.</summary>
    public RtpHeader Header { get; }

    /// <summary>Bytes taken by the header on the wire.</summary>
    public int HeaderLength { get; }

    /// <summary>The payload, padding excluded.</summary>
    public ReadOnlySpan<byte> Payload { get; }

    /// <summary>Padding bytes at the end of the datagram (count byte included), 0 without padding.</summary>
    public int PaddingLength { get; }

    /// <summary>Reads a datagram; on failure <paramref name="error"/> says why. Never throws.</summary>
    public static bool TryRead(ReadOnlySpan<byte> datagram, out RtpPacket packet, out RtpReadError error)
    {
        if (!RtpHeader.TryRead(datagram, out var header, out int headerLength, out error))
        {
            packet = default;
            return false;
        }

        int padding = header.Padding ? datagram[^1] : 0;
        packet = new RtpPacket(header, headerLength, datagram[headerLength..^padding], padding);
        return true;
    }

    /// <summary>Bytes needed to write <paramref name="header"/>, <paramref name="payloadLength"/> bytes and the padding.</summary>
    public static int GetWrittenLength(in RtpHeader header, int payloadLength, int paddingLength = 0) =>
        header.GetWrittenLength() + payloadLength + paddingLength;

    /// <summary>
    /// Writes header, payload and optional padding (1 to 255 bytes; the P bit is set to match).
    /// Returns false if the destination is too short, the padding is out of range, or the header
    /// cannot be written.
    /// </summary>
    public static bool TryWrite(Span<byte> destination, in RtpHeader header, ReadOnlySpan<byte> payload, out int written, int paddingLength = 0)
    {
        written = 0;
        if (paddingLength is < 0 or > 255)
        {
            return false;
        }

        var toWrite = header.Padding == (paddingLength > 0) ? header : header.WithPadding(paddingLength > 0);
        int total = GetWrittenLength(toWrite, payload.Length, paddingLength);
        if (destination.Length < total || !toWrite.TryWrite(destination, out int headerLength))
        {
            return false;
        }

        payload.CopyTo(destination[headerLength..]);
        if (paddingLength > 0)
        {
            var pad = destination.Slice(headerLength + payload.Length, paddingLength);
            pad.Clear();
            pad[^1] = (byte)paddingLength;
        }

        written = total;
        return true;
    }
}
