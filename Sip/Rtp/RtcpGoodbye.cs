using System.Buffers.Binary;
using System.Text;

namespace CallCluster.Sip.Rtp;

/// <summary>RTCP goodbye, PT 203 (RFC 3550 section 6.6): sources leaving, with an optional reason (UTF-8, at most 255 bytes).</summary>
public sealed record RtcpGoodbye(ValueList<uint> Sources, string? Reason = null) : RtcpPacket
{
    /*
      0                   1                   2                   3
      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     |V=2|P|    SC   |   PT=BYE=203  |             length            |
     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     |                           SSRC/CSRC                           |
     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     :                              ...                              :
     +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
     |     length    |               reason for leaving            ... (opt)
    */

    /// <inheritdoc/>
    public override RtcpPacketType PacketType => RtcpPacketType.Goodbye;

    private protected override int GetBodyLength() =>
        (4 * Sources.Count) + (Reason is null ? 0 : 1 + Encoding.UTF8.GetByteCount(Reason));

    private protected override bool TryGetCount(out int count)
    {
        count = Sources.Count;
        return count <= RtcpHeader.MaxCount;
    }

    private protected override bool TryWriteBody(Span<byte> body)
    {
        int offset = 0;
        foreach (uint ssrc in Sources)
        {
            BinaryPrimitives.WriteUInt32BigEndian(body[offset..], ssrc);
            offset += 4;
        }

        if (Reason is not null)
        {
            int length = Encoding.UTF8.GetByteCount(Reason);
            if (length > 255)
            {
                return false;
            }

            body[offset] = (byte)length;
            Encoding.UTF8.GetBytes(Reason, body[(offset + 1)..]);
        }

        return true;
    }

    internal static RtcpGoodbye? ReadBody(RtcpHeader header, ReadOnlySpan<byte> body, out RtcpReadError error)
    {
        int offset = 4 * header.Count;
        if (body.Length < offset)
        {
            error = RtcpReadError.TruncatedBody;
            return null;
        }

        var sources = new uint[header.Count];
        for (int i = 0; i < sources.Length; i++)
        {
            sources[i] = BinaryPrimitives.ReadUInt32BigEndian(body[(4 * i)..]);
        }

        string? reason = null;
        if (offset < body.Length)
        {
            int length = body[offset];
            if (offset + 1 + length > body.Length)
            {
                error = RtcpReadError.InvalidGoodbyeReason;
                return null;
            }

            reason = Encoding.UTF8.GetString(body.Slice(offset + 1, length));
        }

        error = RtcpReadError.None;
        return new RtcpGoodbye(ValueList.Create<uint>(sources), reason);
    }
}
