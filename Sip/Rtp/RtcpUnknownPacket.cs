namespace CallCluster.Sip.Rtp;

/// <summary>
/// An RTCP packet of a type (or feedback format) this stack does not interpret, kept byte-exact so
/// that it can be forwarded. <paramref name="Body"/> is everything after the common header, padding
/// included when <paramref name="Padding"/> is set (the P bit is written back as read).
/// </summary>
public sealed record RtcpUnknownPacket(byte Type, byte Count, ValueList<byte> Body, bool Padding = false) : RtcpPacket
{
    private protected override bool PaddingBit => Padding;

    /// <inheritdoc/>
    public override RtcpPacketType PacketType => (RtcpPacketType)Type;

    private protected override int GetBodyLength() => Body.Count;

    private protected override bool TryGetCount(out int count)
    {
        count = Count;
        return Count <= RtcpHeader.MaxCount;
    }

    private protected override bool TryWriteBody(Span<byte> body)
    {
        Body.AsSpan().CopyTo(body);
        return true;
    }
}
