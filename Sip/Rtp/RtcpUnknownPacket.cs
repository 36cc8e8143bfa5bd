namespace CallCluster.Sip.Rtp;

/// <summary>
/// An RTCP packet of a type (or feedback format) this stack does not interpret, kept byte-exact so
/// that it can be forwarded. <paramref name="Body"/> is everything after the common header (padding excluded).
/// </summary>
public sealed record RtcpUnknownPacket(byte Type, byte Count, ValueList<byte> Body) : RtcpPacket
{
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
