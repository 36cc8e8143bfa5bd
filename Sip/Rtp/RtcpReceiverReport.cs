using System.Buffers.Binary;

namespace CallCluster.Sip.Rtp;

/// <summary>
/// RTCP receiver report, PT 201 (RFC 3550 section 6.4.2). Profile-specific extensions after the
/// report blocks are skipped on read.
/// </summary>
/// <param name="Ssrc">Reporter's SSRC.</param>
/// <param name="Reports">Reception report blocks (at most 31).</param>
public sealed record RtcpReceiverReport(uint Ssrc, ValueList<RtcpReportBlock> Reports = default) : RtcpPacket
{
    /*
      0                   1                   2                   3
      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     |V=2|P|    RC   |   PT=RR=201   |             length            |
     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     |                     SSRC of packet sender                     |
     +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
     |                 report blocks (RC x 24 bytes)                 |
    */

    /// <inheritdoc/>
    public override RtcpPacketType PacketType => RtcpPacketType.ReceiverReport;

    private protected override int GetBodyLength() => 4 + (Reports.Count * RtcpReportBlock.Length);

    private protected override bool TryGetCount(out int count)
    {
        count = Reports.Count;
        return count <= RtcpHeader.MaxCount;
    }

    private protected override bool TryWriteBody(Span<byte> body)
    {
        BinaryPrimitives.WriteUInt32BigEndian(body, Ssrc);
        RtcpReportBlock.WriteList(body[4..], Reports);
        return true;
    }

    internal static RtcpReceiverReport? ReadBody(RtcpHeader header, ReadOnlySpan<byte> body, out RtcpReadError error)
    {
        if (body.Length < 4 + (header.Count * RtcpReportBlock.Length))
        {
            error = RtcpReadError.TruncatedBody;
            return null;
        }

        error = RtcpReadError.None;
        return new RtcpReceiverReport(
            BinaryPrimitives.ReadUInt32BigEndian(body),
            RtcpReportBlock.ReadList(body[4..], header.Count));
    }
}
