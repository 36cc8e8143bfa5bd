namespace CallCluster.Sip.Rtp;

/// <summary>Reading and writing whole compound RTCP datagrams.</summary>
public static class RtcpCompound
{
    /// <summary>
    /// Reads every packet of <paramref name="datagram"/>. Fails with the first packet's error if
    /// any packet is malformed, or with <see cref="RtcpReadError.Empty"/> for an empty datagram.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> datagram, out ValueList<RtcpPacket> packets, out RtcpReadError error)
    {
        packets = default;
        if (datagram.IsEmpty)
        {
            error = RtcpReadError.Empty;
            return false;
        }

        var list = new List<RtcpPacket>();
        int offset = 0;
        while (offset < datagram.Length)
        {
            if (!RtcpPacket.TryRead(datagram[offset..], out var packet, out int consumed, out error))
            {
                return false;
            }

            list.Add(packet!);
            offset += consumed;
        }

        packets = ValueList.From(list);
        error = RtcpReadError.None;
        return true;
    }

    /// <summary>Bytes needed to write all <paramref name="packets"/> back to back.</summary>
    public static int GetWrittenLength(IEnumerable<RtcpPacket> packets)
    {
        int length = 0;
        foreach (var packet in packets)
        {
            length += packet.GetWrittenLength();
        }

        return length;
    }

    /// <summary>Writes the packets back to back; false if the destination is too short or a packet cannot be written.</summary>
    public static bool TryWrite(Span<byte> destination, IEnumerable<RtcpPacket> packets, out int written)
    {
        written = 0;
        int offset = 0;
        foreach (var packet in packets)
        {
            if (!packet.TryWrite(destination[offset..], out int length))
            {
                return false;
            }

            offset += length;
        }

        written = offset;
        return true;
    }
}
