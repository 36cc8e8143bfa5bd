using System.Buffers.Binary;

namespace CallCluster.Sip.Rtp;

public readonly partial struct RtpHeader
{
    /*
     RFC 3550 section 5.1, fixed header, then section 5.3.1 extension:

      0                   1                   2                   3
      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     |V=2|P|X|  CC   |M|     PT      |       sequence number         |
     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     |                           timestamp                           |
     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     |           synchronization source (SSRC) identifier            |
     +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
     |            contributing source (CSRC) identifiers             |
     |                             ....                              |
     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     |      defined by profile       |           length              |
     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     |                        header extension                       |
     |                             ....                              |

     With P set, the last byte of the packet counts the padding bytes, itself included.
    */

    /// <summary>
    /// Reads the header at the start of <paramref name="packet"/> (a whole datagram, so that the
    /// padding count can be checked). Allocates nothing; never throws.
    /// </summary>
    /// <param name="packet">The datagram.</param>
    /// <param name="header">The header read, default on failure.</param>
    /// <param name="headerLength">Bytes taken by the header (payload starts there).</param>
    /// <param name="error">The rejection reason, <see cref="RtpReadError.None"/> on success.</param>
    public static bool TryRead(ReadOnlySpan<byte> packet, out RtpHeader header, out int headerLength, out RtpReadError error) =>
        TryReadCore(packet, default, out header, out headerLength, out error);

    /// <summary>As the span overload, and the header also carries its extension bytes (sliced, not copied).</summary>
    public static bool TryRead(ReadOnlyMemory<byte> packet, out RtpHeader header, out int headerLength, out RtpReadError error) =>
        TryReadCore(packet.Span, packet, out header, out headerLength, out error);

    /// <summary>Bytes needed by <see cref="TryWrite"/>.</summary>
    public int GetWrittenLength() => FixedLength + (4 * Csrcs.Count) + (Extension ? 4 + ExtensionLength : 0);

    /// <summary>
    /// Writes the header to <paramref name="destination"/>. Fails (false, nothing promised about the
    /// destination) when it is too short, or when the header has an extension whose bytes it does
    /// not carry (a header read from a span: use <see cref="WithExtension"/> first).
    /// </summary>
    public bool TryWrite(Span<byte> destination, out int written)
    {
        written = 0;
        int length = GetWrittenLength();
        if (destination.Length < length || (Extension && ExtensionData.Length != ExtensionLength))
        {
            return false;
        }

        destination[0] = (byte)((RtpVersion << 6) | (Padding ? 0x20 : 0) | (Extension ? 0x10 : 0) | Csrcs.Count);
        destination[1] = (byte)((Marker ? 0x80 : 0) | (PayloadType & 0x7F));
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], SequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], Timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], Ssrc);
        int offset = FixedLength;
        for (int i = 0; i < Csrcs.Count; i++, offset += 4)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[offset..], Csrcs[i]);
        }

        if (Extension)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination[offset..], ExtensionProfile);
            BinaryPrimitives.WriteUInt16BigEndian(destination[(offset + 2)..], (ushort)(ExtensionLength / 4));
            ExtensionData.Span.CopyTo(destination[(offset + 4)..]);
            offset += 4 + ExtensionLength;
        }

        written = offset;
        return true;
    }

    private static bool TryReadCore(ReadOnlySpan<byte> packet, ReadOnlyMemory<byte> memory, out RtpHeader header, out int headerLength, out RtpReadError error)
    {
        error = Validate(packet, out int csrcCount, out int extensionLength, out headerLength);
        if (error != RtpReadError.None)
        {
            header = default;
            headerLength = 0;
            return false;
        }

        byte first = packet[0];
        byte second = packet[1];
        bool extension = (first & 0x10) != 0;
        int extensionOffset = FixedLength + (4 * csrcCount) + 4;
        if (csrcCount == 0 && !extension)
        {
            header = new RtpHeader(
                RtpVersion,
                (first & 0x20) != 0,
                false,
                (second & 0x80) != 0,
                (byte)(second & 0x7F),
                BinaryPrimitives.ReadUInt16BigEndian(packet[2..]),
                BinaryPrimitives.ReadUInt32BigEndian(packet[4..]),
                BinaryPrimitives.ReadUInt32BigEndian(packet[8..]));
            return true;
        }

        header = new RtpHeader(
            RtpVersion,
            (first & 0x20) != 0,
            extension,
            (second & 0x80) != 0,
            (byte)(second & 0x7F),
            BinaryPrimitives.ReadUInt16BigEndian(packet[2..]),
            BinaryPrimitives.ReadUInt32BigEndian(packet[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(packet[8..]),
            csrcCount == 0 ? default : RtpCsrcList.Read(packet[FixedLength..], csrcCount),
            extension ? BinaryPrimitives.ReadUInt16BigEndian(packet[(extensionOffset - 4)..]) : (ushort)0,
            extensionLength,
            extension && !memory.IsEmpty ? memory.Slice(extensionOffset, extensionLength) : default);
        return true;
    }

    /// <summary>Checks every length in the packet; on success gives the CSRC count, extension data length and header length.</summary>
    private static RtpReadError Validate(ReadOnlySpan<byte> packet, out int csrcCount, out int extensionLength, out int headerLength)
    {
        csrcCount = 0;
        extensionLength = 0;
        headerLength = 0;
        if (packet.Length < FixedLength)
        {
            return RtpReadError.TooShortForFixedHeader;
        }

        byte first = packet[0];
        if (first >> 6 != RtpVersion)
        {
            return RtpReadError.UnsupportedVersion;
        }

        csrcCount = first & 0x0F;
        int offset = FixedLength + (4 * csrcCount);
        if (packet.Length < offset)
        {
            return RtpReadError.TruncatedCsrcList;
        }

        if ((first & 0x10) != 0)
        {
            if (packet.Length < offset + 4)
            {
                return RtpReadError.TruncatedExtension;
            }

            extensionLength = BinaryPrimitives.ReadUInt16BigEndian(packet[(offset + 2)..]) * 4;
            offset += 4 + extensionLength;
            if (packet.Length < offset)
            {
                return RtpReadError.TruncatedExtension;
            }
        }

        if ((first & 0x20) != 0)
        {
            int count = packet[^1];
            if (count == 0 || count > packet.Length - offset)
            {
                return RtpReadError.InvalidPadding;
            }
        }

        headerLength = offset;
        return RtpReadError.None;
    }
}
