using System.Buffers.Binary;

namespace CallCluster.Sip.Rtp;

/// <summary>The 4-byte header common to every RTCP packet (RFC 3550 section 6.4).</summary>
public readonly record struct RtcpHeader(bool Padding, byte Count, byte PacketType, ushort LengthInWordsMinusOne)
{
    /// <summary>Length of the common header in bytes.</summary>
    public const int Length = 4;

    /// <summary>Largest value of the 5-bit count (or FMT) field.</summary>
    public const int MaxCount = 31;

    /// <summary>Total length of the packet in bytes, header included.</summary>
    public int PacketLength => (LengthInWordsMinusOne + 1) * 4;

    /*
      0                   1                   2                   3
      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     |V=2|P|  RC/FMT |      PT       |             length            |
     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     length = packet length in 32-bit words minus one, header included.
    */

    /// <summary>Reads the common header and checks that the packet fits in <paramref name="data"/>.</summary>
    public static bool TryRead(ReadOnlySpan<byte> data, out RtcpHeader header, out RtcpReadError error)
    {
        header = default;
        if (data.Length < Length)
        {
            error = RtcpReadError.TooShortForHeader;
            return false;
        }

        if (data[0] >> 6 != 2)
        {
            error = RtcpReadError.UnsupportedVersion;
            return false;
        }

        var read = new RtcpHeader((data[0] & 0x20) != 0, (byte)(data[0] & 0x1F), data[1], BinaryPrimitives.ReadUInt16BigEndian(data[2..]));
        if (read.PacketLength > data.Length)
        {
            error = RtcpReadError.LengthBeyondDatagram;
            return false;
        }

        header = read;
        error = RtcpReadError.None;
        return true;
    }

    /// <summary>Writes the header for a packet of <paramref name="packetLength"/> bytes (a multiple of 4).</summary>
    internal static void Write(Span<byte> destination, int count, RtcpPacketType type, int packetLength, bool padding = false)
    {
        destination[0] = (byte)(0x80 | (padding ? 0x20 : 0) | (count & 0x1F));
        destination[1] = (byte)type;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)((packetLength / 4) - 1));
    }
}
