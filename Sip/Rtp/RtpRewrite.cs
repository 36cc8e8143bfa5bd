using System.Buffers.Binary;

namespace CallCluster.Sip.Rtp;

/// <summary>
/// In-place edits of the fixed header fields of an RTP packet in a buffer, for forwarders that
/// rewrite SSRC, sequence number, timestamp or payload type per packet. Each returns false and
/// leaves the buffer untouched when it is shorter than the 12-byte fixed header.
/// </summary>
public static class RtpRewrite
{
    /// <summary>Sets the SSRC (bytes 8-11).</summary>
    public static bool SetSsrc(Span<byte> packet, uint ssrc)
    {
        if (packet.Length < RtpHeader.FixedLength)
        {
            return false;
        }

        BinaryPrimitives.WriteUInt32BigEndian(packet[8..], ssrc);
        return true;
    }

    /// <summary>Sets the sequence number (bytes 2-3).</summary>
    public static bool SetSequenceNumber(Span<byte> packet, ushort sequenceNumber)
    {
        if (packet.Length < RtpHeader.FixedLength)
        {
            return false;
        }

        BinaryPrimitives.WriteUInt16BigEndian(packet[2..], sequenceNumber);
        return true;
    }

    /// <summary>Sets the timestamp (bytes 4-7).</summary>
    public static bool SetTimestamp(Span<byte> packet, uint timestamp)
    {
        if (packet.Length < RtpHeader.FixedLength)
        {
            return false;
        }

        BinaryPrimitives.WriteUInt32BigEndian(packet[4..], timestamp);
        return true;
    }

    /// <summary>Sets the payload type (0-127), keeping the marker bit.</summary>
    public static bool SetPayloadType(Span<byte> packet, byte payloadType)
    {
        if (packet.Length < RtpHeader.FixedLength || payloadType > 127)
        {
            return false;
        }

        packet[1] = (byte)((packet[1] & 0x80) | payloadType);
        return true;
    }

    /// <summary>Sets or clears the marker bit, keeping the payload type.</summary>
    public static bool SetMarker(Span<byte> packet, bool marker)
    {
        if (packet.Length < RtpHeader.FixedLength)
        {
            return false;
        }

        packet[1] = (byte)(marker ? packet[1] | 0x80 : packet[1] & 0x7F);
        return true;
    }

    /// <summary>Sets SSRC, sequence number and timestamp in one call.</summary>
    public static bool SetStream(Span<byte> packet, uint ssrc, ushort sequenceNumber, uint timestamp)
    {
        if (packet.Length < RtpHeader.FixedLength)
        {
            return false;
        }

        BinaryPrimitives.WriteUInt16BigEndian(packet[2..], sequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(packet[4..], timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(packet[8..], ssrc);
        return true;
    }
}
