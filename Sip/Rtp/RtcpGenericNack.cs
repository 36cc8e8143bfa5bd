using System.Buffers.Binary;

namespace CallCluster.Sip.Rtp;

/// <summary>One NACK FCI entry: a lost packet id and a bitmask of the 16 following lost packets.</summary>
public readonly record struct RtcpNackEntry(ushort PacketId, ushort LostBitmask)
{
    /// <summary>The sequence numbers this entry reports lost, in order.</summary>
    public IEnumerable<ushort> LostSequenceNumbers()
    {
        yield return PacketId;
        for (int bit = 0; bit < 16; bit++)
        {
            if ((LostBitmask & (1 << bit)) != 0)
            {
                yield return unchecked((ushort)(PacketId + bit + 1));
            }
        }
    }
}

/// <summary>
/// Generic NACK: transport-layer feedback PT 205, FMT 1 (RFC 4585 section 6.2.1).
/// </summary>
/// <param name="SenderSsrc">SSRC of the packet sender.</param>
/// <param name="MediaSsrc">SSRC of the media source whose packets were lost.</param>
/// <param name="Entries">PID/BLP pairs.</param>
public sealed record RtcpGenericNack(uint SenderSsrc, uint MediaSsrc, ValueList<RtcpNackEntry> Entries) : RtcpPacket
{
    /*
      0                   1                   2                   3
      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     |V=2|P|  FMT=1  |    PT=205     |             length            |
     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     |                  SSRC of packet sender                        |
     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     |                  SSRC of media source                         |
     +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
     |            PID                |             BLP               |
     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
    */

    /// <summary>The FMT value of a generic NACK.</summary>
    public const byte Format = 1;

    /// <summary>A NACK for the given lost sequence numbers, packed into PID/BLP entries (input in ascending order, wrap allowed).</summary>
    public static RtcpGenericNack ForLost(uint senderSsrc, uint mediaSsrc, IEnumerable<ushort> lost)
    {
        var entries = new List<RtcpNackEntry>();
        foreach (ushort sequence in lost)
        {
            if (entries.Count > 0)
            {
                var last = entries[^1];
                int distance = unchecked((ushort)(sequence - last.PacketId));
                if (distance == 0)
                {
                    continue;
                }

                if (distance <= 16)
                {
                    entries[^1] = last with { LostBitmask = (ushort)(last.LostBitmask | (1 << (distance - 1))) };
                    continue;
                }
            }

            entries.Add(new RtcpNackEntry(sequence, 0));
        }

        return new RtcpGenericNack(senderSsrc, mediaSsrc, ValueList.From(entries));
    }

    /// <inheritdoc/>
    public override RtcpPacketType PacketType => RtcpPacketType.TransportFeedback;

    private protected override int GetBodyLength() => 8 + (4 * Entries.Count);

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
            BinaryPrimitives.WriteUInt16BigEndian(body[(8 + (4 * i))..], Entries[i].PacketId);
            BinaryPrimitives.WriteUInt16BigEndian(body[(10 + (4 * i))..], Entries[i].LostBitmask);
        }

        return true;
    }

    internal static RtcpGenericNack? ReadBody(ReadOnlySpan<byte> body, out RtcpReadError error)
    {
        if (body.Length < 8)
        {
            error = RtcpReadError.TruncatedBody;
            return null;
        }

        var entries = new RtcpNackEntry[(body.Length - 8) / 4];
        for (int i = 0; i < entries.Length; i++)
        {
            entries[i] = new RtcpNackEntry(
                BinaryPrimitives.ReadUInt16BigEndian(body[(8 + (4 * i))..]),
                BinaryPrimitives.ReadUInt16BigEndian(body[(10 + (4 * i))..]));
        }

        error = RtcpReadError.None;
        return new RtcpGenericNack(BinaryPrimitives.ReadUInt32BigEndian(body), BinaryPrimitives.ReadUInt32BigEndian(body[4..]), ValueList.Create<RtcpNackEntry>(entries));
    }
}
