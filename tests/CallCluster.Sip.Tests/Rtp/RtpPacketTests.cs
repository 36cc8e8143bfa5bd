using CallCluster.Sip.Rtp;

namespace CallCluster.Sip.Tests.Rtp;

public sealed class RtpPacketTests
{
    [Fact]
    public void Payload_excludes_padding()
    {
        byte[] datagram = [0xA0, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 1, 0xDE, 0xAD, 0x00, 0x00, 0x03];
        Assert.True(RtpPacket.TryRead(datagram, out var packet, out _));
        Assert.True(packet.Header.Padding);
        Assert.Equal(3, packet.PaddingLength);
        Assert.Equal([0xDE, 0xAD], packet.Payload.ToArray());
    }

    [Fact]
    public void Padding_may_fill_everything_after_the_header()
    {
        byte[] datagram = [0xA0, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 4];
        Assert.True(RtpPacket.TryRead(datagram, out var packet, out _));
        Assert.True(packet.Payload.IsEmpty);
    }

    [Fact]
    public void Writes_header_payload_and_padding_then_reads_them_back()
    {
        var header = new RtpHeader(8, 1000, 160_000, 0x01020304);
        byte[] payload = [1, 2, 3, 4, 5];
        var buffer = new byte[RtpPacket.GetWrittenLength(header, payload.Length, 3)];
        Assert.True(RtpPacket.TryWrite(buffer, header, payload, out int written, paddingLength: 3));
        Assert.Equal(20, written);
        Assert.Equal(3, buffer[^1]);
        Assert.True(RtpPacket.TryRead(buffer, out var packet, out _));
        Assert.True(packet.Header.Padding);
        Assert.Equal(header.WithPadding(true), packet.Header);
        Assert.Equal(payload, packet.Payload.ToArray());
    }

    [Fact]
    public void Write_fails_cleanly_on_short_buffer_or_bad_padding()
    {
        var header = new RtpHeader(0, 1, 2, 3);
        Assert.False(RtpPacket.TryWrite(new byte[14], header, new byte[3], out int written));
        Assert.Equal(0, written);
        Assert.False(RtpPacket.TryWrite(new byte[400], header, new byte[3], out _, paddingLength: 256));
    }

    [Fact]
    public void Rewrite_changes_only_the_named_fields()
    {
        var header = new RtpHeader(96, 10, 20, 30, marker: true).WithCsrcs(RtpCsrcList.Create([5u]));
        var buffer = new byte[64];
        Assert.True(RtpPacket.TryWrite(buffer, header, [9, 9], out int written));
        var packet = buffer.AsSpan(0, written);

        Assert.True(RtpRewrite.SetSsrc(packet, 0xCAFEBABE));
        Assert.True(RtpRewrite.SetSequenceNumber(packet, 65535));
        Assert.True(RtpRewrite.SetTimestamp(packet, 123456789));
        Assert.True(RtpRewrite.SetPayloadType(packet, 100));
        Assert.True(RtpHeader.TryRead(packet, out var read, out _, out _));
        Assert.Equal(header.WithSsrc(0xCAFEBABE).WithSequenceNumber(65535).WithTimestamp(123456789).WithPayloadType(100), read);

        Assert.True(RtpRewrite.SetMarker(packet, false));
        Assert.True(RtpRewrite.SetStream(packet, 1, 2, 3));
        Assert.True(RtpHeader.TryRead(packet, out read, out _, out _));
        Assert.False(read.Marker);
        Assert.Equal(100, read.PayloadType);
        Assert.Equal((1u, (ushort)2, 3u), (read.Ssrc, read.SequenceNumber, read.Timestamp));
        Assert.Equal([5u], read.Csrcs.ToArray());
    }

    [Fact]
    public void Rewrite_refuses_short_buffers_and_out_of_range_payload_types()
    {
        var shortPacket = new byte[11];
        Assert.False(RtpRewrite.SetSsrc(shortPacket, 1));
        Assert.False(RtpRewrite.SetSequenceNumber(shortPacket, 1));
        Assert.False(RtpRewrite.SetTimestamp(shortPacket, 1));
        Assert.False(RtpRewrite.SetMarker(shortPacket, true));
        Assert.False(RtpRewrite.SetStream(shortPacket, 1, 1, 1));
        Assert.Equal(new byte[11], shortPacket);
        Assert.False(RtpRewrite.SetPayloadType(new byte[12], 128));
    }
}
