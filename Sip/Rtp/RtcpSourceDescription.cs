namespace CallCluster.Sip.Rtp;

/// <summary>RTCP source description, PT 202 (RFC 3550 section 6.5): one chunk per source, at most 31.</summary>
public sealed record RtcpSourceDescription(ValueList<RtcpSdesChunk> Chunks) : RtcpPacket
{
    /*
      0                   1                   2                   3
      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     |V=2|P|    SC   |  PT=SDES=202  |             length            |
     +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
     |                          SSRC/CSRC_1                          |
     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     |    type (8)   |   length (8)  |  text (length bytes) ...      |
     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     | ... more items, then a null octet and zeros to a 32-bit boundary
     +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
    */

    /// <summary>An SDES with one chunk holding only a CNAME.</summary>
    public static RtcpSourceDescription ForCName(uint ssrc, string cname) =>
        new([new RtcpSdesChunk(ssrc, [new RtcpSdesItem(RtcpSdesItemType.CName, cname)])]);

    /// <inheritdoc/>
    public override RtcpPacketType PacketType => RtcpPacketType.SourceDescription;

    private protected override int GetBodyLength()
    {
        int length = 0;
        foreach (var chunk in Chunks)
        {
            length += chunk.GetWrittenLength();
        }

        return length;
    }

    private protected override bool TryGetCount(out int count)
    {
        count = Chunks.Count;
        return count <= RtcpHeader.MaxCount;
    }

    private protected override bool TryWriteBody(Span<byte> body)
    {
        int offset = 0;
        foreach (var chunk in Chunks)
        {
            if (!chunk.TryWrite(body[offset..]))
            {
                return false;
            }

            offset += chunk.GetWrittenLength();
        }

        return true;
    }

    internal static RtcpSourceDescription? ReadBody(RtcpHeader header, ReadOnlySpan<byte> body, out RtcpReadError error)
    {
        var chunks = new RtcpSdesChunk[header.Count];
        int offset = 0;
        for (int i = 0; i < chunks.Length; i++)
        {
            var chunk = RtcpSdesChunk.Read(body, ref offset);
            if (chunk is null)
            {
                error = RtcpReadError.InvalidSourceDescription;
                return null;
            }

            chunks[i] = chunk;
        }

        error = RtcpReadError.None;
        return new RtcpSourceDescription(ValueList.Create<RtcpSdesChunk>(chunks));
    }
}
