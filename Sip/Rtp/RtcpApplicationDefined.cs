using System.Buffers.Binary;

namespace CallCluster.Sip.Rtp;

/// <summary>
/// RTCP application-defined packet, PT 204 (RFC 3550 section 6.7).
/// </summary>
/// <param name="Subtype">5-bit subtype (0-31).</param>
/// <param name="Ssrc">Sender's SSRC.</param>
/// <param name="Name">Four ASCII characters naming the application.</param>
/// <param name="Data">Application data; its length must be a multiple of 4.</param>
public sealed record RtcpApplicationDefined(byte Subtype, uint Ssrc, string Name, ValueList<byte> Data = default) : RtcpPacket
{
    /*
      0                   1                   2                   3
      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     |V=2|P| subtype |   PT=APP=204  |             length            |
     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     |                           SSRC/CSRC                           |
     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     |                          name (ASCII)                         |
     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     |                   application-dependent data                ...
    */

    /// <inheritdoc/>
    public override RtcpPacketType PacketType => RtcpPacketType.ApplicationDefined;

    private protected override int GetBodyLength() => 8 + Data.Count;

    private protected override bool TryGetCount(out int count)
    {
        count = Subtype;
        return Subtype <= RtcpHeader.MaxCount;
    }

    private protected override bool TryWriteBody(Span<byte> body)
    {
        if (Name.Length != 4 || Data.Count % 4 != 0)
        {
            return false;
        }

        BinaryPrimitives.WriteUInt32BigEndian(body, Ssrc);
        for (int i = 0; i < 4; i++)
        {
            if (Name[i] > 0x7F)
            {
                return false;
            }

            body[4 + i] = (byte)Name[i];
        }

        Data.AsSpan().CopyTo(body[8..]);
        return true;
    }

    internal static RtcpApplicationDefined? ReadBody(RtcpHeader header, ReadOnlySpan<byte> body, out RtcpReadError error)
    {
        if (body.Length < 8)
        {
            error = RtcpReadError.TruncatedBody;
            return null;
        }

        Span<char> name = stackalloc char[4];
        for (int i = 0; i < 4; i++)
        {
            name[i] = (char)body[4 + i];
        }

        error = RtcpReadError.None;
        return new RtcpApplicationDefined(header.Count, BinaryPrimitives.ReadUInt32BigEndian(body), new string(name), ValueList.Create(body[8..]));
    }
}
