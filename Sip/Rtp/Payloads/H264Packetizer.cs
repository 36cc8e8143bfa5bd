namespace CallCluster.Sip.Rtp.Payloads;

/// <summary>
/// Splits one H.264 NAL unit into RTP payloads (RFC 6184): a single NAL unit packet when it fits,
/// FU-A fragments otherwise. Stateless and allocation-free: ask for the count, then write each packet.
/// </summary>
public static class H264Packetizer
{
    /*
      FU-A (RFC 6184 section 5.8):
      0                   1                   2                   3
      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     | FU indicator  |   FU header   |                               |
     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               |
     |                         FU payload                            |
      FU indicator = F, NRI of the NAL unit, type 28; FU header = S, E, R=0, NAL type.
    */

    /// <summary>RTP payloads needed for a NAL unit of <paramref name="nalLength"/> bytes (header included); 0 if it cannot be sent.</summary>
    public static int GetPacketCount(int nalLength, int maxPayloadSize)
    {
        if (nalLength < 1 || maxPayloadSize < 3)
        {
            return 0;
        }

        if (nalLength <= maxPayloadSize)
        {
            return 1;
        }

        int perFragment = maxPayloadSize - 2;
        return (nalLength - 1 + perFragment - 1) / perFragment;
    }

    /// <summary>
    /// Writes payload <paramref name="index"/> (0-based) of the NAL unit into <paramref name="destination"/>.
    /// The last payload of a NAL unit that ends an access unit should carry the RTP marker bit.
    /// False if the index is out of range or the destination is too short.
    /// </summary>
    public static bool TryWritePacket(ReadOnlySpan<byte> nal, int maxPayloadSize, int index, Span<byte> destination, out int written)
    {
        written = 0;
        int count = GetPacketCount(nal.Length, maxPayloadSize);
        if (index < 0 || index >= count)
        {
            return false;
        }

        if (nal.Length <= maxPayloadSize)
        {
            if (destination.Length < nal.Length)
            {
                return false;
            }

            nal.CopyTo(destination);
            written = nal.Length;
            return true;
        }

        int perFragment = maxPayloadSize - 2;
        var body = nal[1..];
        int start = index * perFragment;
        var chunk = body.Slice(start, Math.Min(perFragment, body.Length - start));
        if (destination.Length < chunk.Length + 2)
        {
            return false;
        }

        destination[0] = (byte)((nal[0] & 0xE0) | H264PayloadInfo.FuAType);
        destination[1] = (byte)((index == 0 ? 0x80 : 0) | (index == count - 1 ? 0x40 : 0) | (nal[0] & 0x1F));
        chunk.CopyTo(destination[2..]);
        written = chunk.Length + 2;
        return true;
    }
}
