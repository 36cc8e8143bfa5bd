using System.Buffers.Binary;

namespace CallCluster.Sip.Rtp;

/// <summary>One FIR entry: the source asked for a decoder refresh and the request's sequence number.</summary>
public readonly record struct RtcpFirEntry(uint Ssrc, byte SequenceNumber);

/// <summary>
/// Full intra request: payload-specific feedback PT 206, FMT 4 (RFC 5104 section 4.3.1). The media
/// source SSRC of the common header is 0; the targets are in <paramref name="Entries"/>.
/// </summary>
/// <param name="SenderSsrc">SSRC of the packet sender.</param>
/// <param name="Entries">One entry per source asked for an intra frame.</param>
/// <param name="MediaSsrc">Media source field of the common header (RFC 5104 says 0).</param>
public sealed record RtcpFullIntraRequest(uint SenderSsrc, ValueList<RtcpFirEntry> Entries, uint MediaSsrc = 0) : RtcpPacket
{
    /*
      0                   1                   2                   3
      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     |V=2|P|  FMT=4  |    PT=206     |             length            |
     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     |                  SSRC of packet sender                        |
     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     |                  SSRC of media source (0)                     |
     +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
     |                              SSRC                             |
     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     | Seq nr.       |    Reserved                                   |
     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
    */

    /// <summary>The FMT value of a FIR.</summary>
    public const byte Format = 4;

    /// <inheritdoc/>
    public override RtcpPacketType PacketType => RtcpPacketType.PayloadFeedback;

    private protected override int GetBodyLength() => 8 + (8 * Entries.Count);

    private protected override bool TryGetCount(out int count)
    {
        count = Format;
        return true;
    }

    private protected override bool TryWriteBody(Span<byte> body)
    {
        BinaryPrimitives.WriteUInt32BigEndian(body, SenderSsrc);
        BinaryPrimitives.WriteUInt32BigEndian(body[4..], MediaSsrc);
        for (int i = 0; i < Entries.Count; i++)
        {
            var entry = body[(8 + (8 * i))..];
            BinaryPrimitives.WriteUInt32BigEndian(entry, Entries[i].Ssrc);
            entry[4] = Entries[i].SequenceNumber;
        }

        return true;
    }

    internal static RtcpFullIntraRequest? ReadBody(ReadOnlySpan<byte> body, out RtcpReadError error)
    {
        if (body.Length < 8)
        {
            error = RtcpReadError.TruncatedBody;
            return null;
        }

        var entries = new RtcpFirEntry[(body.Length - 8) / 8];
        for (int i = 0; i < entries.Length; i++)
        {
            var entry = body[(8 + (8 * i))..];
            entries[i] = new RtcpFirEntry(BinaryPrimitives.ReadUInt32BigEndian(entry), entry[4]);
        }

        error = RtcpReadError.None;
        return new RtcpFullIntraRequest(BinaryPrimitives.ReadUInt32BigEndian(body), ValueList.Create<RtcpFirEntry>(entries), BinaryPrimitives.ReadUInt32BigEndian(body[4..]));
    }
}
