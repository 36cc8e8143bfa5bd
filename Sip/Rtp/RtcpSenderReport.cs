using System.Buffers.Binary;

namespace CallCluster.Sip.Rtp;

/// <summary>
/// RTCP sender report, PT 200 (RFC 3550 section 6.4.1). Profile-specific extensions after the
/// report blocks are skipped on read.
/// </summary>
/// <param name="Ssrc">Sender's SSRC.</param>
/// <param name="NtpTimestamp">Wall clock of the report, 64-bit NTP format (see <see cref="NtpTime"/>).</param>
/// <param name="RtpTimestamp">The same instant in RTP timestamp units.</param>
/// <param name="PacketCount">Packets sent since the start.</param>
/// <param name="OctetCount">Payload octets sent since the start.</param>
/// <param name="Reports">Reception report blocks (at most 31).</param>
public sealed record RtcpSenderReport(
    uint Ssrc,
    ulong NtpTimestamp,
    uint RtpTimestamp,
    uint PacketCount,
    uint OctetCount,
    ValueList<RtcpReportBlock> Reports = default) : RtcpPacket
{
    /*
      0                   1                   2                   3
      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     |V=2|P|    RC   |   PT=SR=200   |             length            |
     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     |                         SSRC of sender                        |
     +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
     |              NTP timestamp, most significant word             |
     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     |             NTP timestamp, least significant word             |
     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     |                         RTP timestamp                         |
     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     |                     sender's packet count                     |
     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     |                      sender's octet count                     |
     +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
     |                 report blocks (RC x 24 bytes)                 |
    */

    private const int FixedBodyLength = 24;

    /// <inheritdoc/>
    public override RtcpPacketType PacketType => RtcpPacketType.SenderReport;

    private protected override int GetBodyLength() => FixedBodyLength + (Reports.Count * RtcpReportBlock.Length);

    private protected override bool TryGetCount(out int count)
    {
        count = Reports.Count;
        return count <= RtcpHeader.MaxCount;
    }

    private protected override bool TryWriteBody(Span<byte> body)
    {
        BinaryPrimitives.WriteUInt32BigEndian(body, Ssrc);
        BinaryPrimitives.WriteUInt64BigEndian(body[4..], NtpTimestamp);
        BinaryPrimitives.WriteUInt32BigEndian(body[12..], RtpTimestamp);
        BinaryPrimitives.WriteUInt32BigEndian(body[16..], PacketCount);
        BinaryPrimitives.WriteUInt32BigEndian(body[20..], OctetCount);
        RtcpReportBlock.WriteList(body[FixedBodyLength..], Reports);
        return true;
    }

    internal static RtcpSenderReport? ReadBody(RtcpHeader header, ReadOnlySpan<byte> body, out RtcpReadError error)
    {
        if (body.Length < FixedBodyLength + (header.Count * RtcpReportBlock.Length))
        {
            error = RtcpReadError.TruncatedBody;
            return null;
        }

        error = RtcpReadError.None;
        return new RtcpSenderReport(
            BinaryPrimitives.ReadUInt32BigEndian(body),
            BinaryPrimitives.ReadUInt64BigEndian(body[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(body[12..]),
            BinaryPrimitives.ReadUInt32BigEndian(body[16..]),
            BinaryPrimitives.ReadUInt32BigEndian(body[20..]),
            RtcpReportBlock.ReadList(body[FixedBodyLength..], header.Count));
    }
}
