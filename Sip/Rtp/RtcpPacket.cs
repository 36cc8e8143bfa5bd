namespace CallCluster.Sip.Rtp;

/// <summary>
/// One RTCP packet of a compound datagram. The concrete types are the sealed records of this
/// namespace; unknown packet types are kept byte-exact as <see cref="RtcpUnknownPacket"/>.
/// </summary>
public abstract record RtcpPacket
{
    private protected RtcpPacket()
    {
    }

    /// <summary>The packet type written in the header.</summary>
    public abstract RtcpPacketType PacketType { get; }

    /// <summary>Bytes needed by <see cref="TryWrite"/> (a multiple of 4).</summary>
    public int GetWrittenLength() => RtcpHeader.Length + Align4(GetBodyLength());

    /// <summary>
    /// Writes the packet. False when the destination is too short or a field cannot be encoded
    /// (more than 31 entries in a counted list, text over 255 bytes, ...).
    /// </summary>
    public bool TryWrite(Span<byte> destination, out int written)
    {
        written = 0;
        int length = GetWrittenLength();
        if (destination.Length < length || length > (ushort.MaxValue + 1) * 4 || !TryGetCount(out int count))
        {
            return false;
        }

        var packet = destination[..length];
        packet.Clear();
        if (!TryWriteBody(packet[RtcpHeader.Length..]))
        {
            return false;
        }

        RtcpHeader.Write(packet, count, PacketType, length, PaddingBit);
        written = length;
        return true;
    }

    /// <summary>
    /// Reads the packet at the start of <paramref name="data"/>; <paramref name="consumed"/> is its
    /// length on the wire. Never throws.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> data, out RtcpPacket? packet, out int consumed, out RtcpReadError error)
    {
        packet = null;
        consumed = 0;
        if (!RtcpHeader.TryRead(data, out var header, out error))
        {
            return false;
        }

        var body = data[RtcpHeader.Length..header.PacketLength];
        if (header.Padding)
        {
            int padding = body.IsEmpty ? 0 : body[^1];
            if (padding == 0 || padding > body.Length)
            {
                error = RtcpReadError.InvalidPadding;
                return false;
            }

            body = body[..^padding];
        }

        packet = (RtcpPacketType)header.PacketType switch
        {
            RtcpPacketType.SenderReport => RtcpSenderReport.ReadBody(header, body, out error),
            RtcpPacketType.ReceiverReport => RtcpReceiverReport.ReadBody(header, body, out error),
            RtcpPacketType.SourceDescription => RtcpSourceDescription.ReadBody(header, body, out error),
            RtcpPacketType.Goodbye => RtcpGoodbye.ReadBody(header, body, out error),
            RtcpPacketType.ApplicationDefined => RtcpApplicationDefined.ReadBody(header, body, out error),
            RtcpPacketType.TransportFeedback when header.Count == RtcpGenericNack.Format => RtcpGenericNack.ReadBody(body, out error),
            RtcpPacketType.PayloadFeedback when header.Count == RtcpPictureLossIndication.Format => RtcpPictureLossIndication.ReadBody(body, out error),
            RtcpPacketType.PayloadFeedback when header.Count == RtcpFullIntraRequest.Format => RtcpFullIntraRequest.ReadBody(body, out error),
            _ => new RtcpUnknownPacket(header.PacketType, header.Count, ValueList.Create(data[RtcpHeader.Length..header.PacketLength]), header.Padding),
        };

        if (packet is null)
        {
            return false;
        }

        error = RtcpReadError.None;
        consumed = header.PacketLength;
        return true;
    }

    /// <summary>The P bit to write; only packets kept byte-exact carry their own padding.</summary>
    private protected virtual bool PaddingBit => false;

    /// <summary>Body length before alignment to 32 bits.</summary>
    private protected abstract int GetBodyLength();

    /// <summary>The RC/SC/FMT/subtype value for the header; false if it does not fit in 5 bits.</summary>
    private protected abstract bool TryGetCount(out int count);

    /// <summary>Writes the body into a zeroed span of the aligned body length.</summary>
    private protected abstract bool TryWriteBody(Span<byte> body);

    private protected static int Align4(int length) => (length + 3) & ~3;
}
