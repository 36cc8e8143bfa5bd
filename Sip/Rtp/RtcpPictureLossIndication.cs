using System.Buffers.Binary;

namespace CallCluster.Sip.Rtp;

/// <summary>
/// Picture loss indication: payload-specific feedback PT 206, FMT 1 (RFC 4585 section 6.3.1).
/// Asks the sender of <paramref name="MediaSsrc"/> for a keyframe.
/// </summary>
/// <param name="SenderSsrc">SSRC of the packet sender.</param>
/// <param name="MediaSsrc">SSRC of the media source the loss concerns.</param>
public sealed record RtcpPictureLossIndication(uint SenderSsrc, uint MediaSsrc) : RtcpPacket
{
    /*
      0                   1                   2                   3
      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     |V=2|P|  FMT=1  |    PT=206     |          length=2             |
     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     |                  SSRC of packet sender                        |
     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     |                  SSRC of media source                         |
     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
    */

    /// <summary>The FMT value of a PLI.</summary>
    public const byte Format = 1;

    /// <inheritdoc/>
    public override RtcpPacketType PacketType => RtcpPacketType.PayloadFeedback;

    private protected override int GetBodyLength() => 8;

    private protected override bool TryGetCount(out int count)
    {
        count = Format;
        return true;
    }

    private protected override bool TryWriteBody(Span<byte> body)
    {
        BinaryPrimitives.WriteUInt32BigEndian(body, SenderSsrc);
        BinaryPrimitives.WriteUInt32BigEndian(body[4..], MediaSsrc);
        return true;
    }

    internal static RtcpPictureLossIndication? ReadBody(ReadOnlySpan<byte> body, out RtcpReadError error)
    {
        if (body.Length < 8)
        {
            error = RtcpReadError.TruncatedBody;
            return null;
        }

        error = RtcpReadError.None;
        return new RtcpPictureLossIndication(BinaryPrimitives.ReadUInt32BigEndian(body), BinaryPrimitives.ReadUInt32BigEndian(body[4..]));
    }
}
