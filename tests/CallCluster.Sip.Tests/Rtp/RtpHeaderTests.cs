using CallCluster.Sip.Rtp;

namespace CallCluster.Sip.Tests.Rtp;

public sealed class RtpHeaderTests
{
    // V=2, M=1, PT=96, seq=27023, ts=3653407706, ssrc=476325762, payload 98 36 be 88 9e.
    private static readonly byte[] Simple =
        [0x80, 0xE0, 0x69, 0x8F, 0xD9, 0xC2, 0x93, 0xDA, 0x1C, 0x64, 0x27, 0x82, 0x98, 0x36, 0xBE, 0x88, 0x9E];

    // Same with X=1, profile 0x0001, one word of extension data ff ff ff ff.
    private static readonly byte[] WithExtension =
        [0x90, 0xE0, 0x69, 0x8F, 0xD9, 0xC2, 0x93, 0xDA, 0x1C, 0x64, 0x27, 0x82, 0x00, 0x01, 0x00, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0x98, 0x36, 0xBE, 0x88, 0x9E];

    [Fact]
    public void Reads_the_fixed_header()
    {
        Assert.True(RtpHeader.TryRead(Simple, out var header, out int length, out var error));
        Assert.Equal(RtpReadError.None, error);
        Assert.Equal(12, length);
        Assert.Equal(2, header.Version);
        Assert.True(header.Marker);
        Assert.False(header.Padding);
        Assert.False(header.Extension);
        Assert.Equal(96, header.PayloadType);
        Assert.Equal(27023, header.SequenceNumber);
        Assert.Equal(3653407706u, header.Timestamp);
        Assert.Equal(476325762u, header.Ssrc);
        Assert.Equal(0, header.Csrcs.Count);
    }

    [Fact]
    public void Reads_the_extension_from_a_span_by_slicing_the_packet()
    {
        Assert.True(RtpHeader.TryRead(WithExtension, out var header, out int length, out _));
        Assert.Equal(20, length);
        Assert.True(header.Extension);
        Assert.Equal(1, header.ExtensionProfile);
        Assert.Equal(4, header.ExtensionLength);
        Assert.True(header.ExtensionData.IsEmpty);
        Assert.Equal([0xFF, 0xFF, 0xFF, 0xFF], header.GetExtensionData(WithExtension).ToArray());
        Assert.False(header.TryWrite(new byte[64], out _)); // bytes not carried
    }

    [Fact]
    public void Reads_the_extension_from_memory_and_writes_it_back_identically()
    {
        Assert.True(RtpHeader.TryRead(WithExtension.AsMemory(), out var header, out int length, out _));
        Assert.Equal([0xFF, 0xFF, 0xFF, 0xFF], header.ExtensionData.ToArray());
        var buffer = new byte[header.GetWrittenLength()];
        Assert.True(header.TryWrite(buffer, out int written));
        Assert.Equal(length, written);
        Assert.Equal(WithExtension[..length], buffer);
    }

    [Fact]
    public void Reads_and_writes_csrcs()
    {
        var header = new RtpHeader(0, 1, 160, 0xAABBCCDD).WithCsrcs(RtpCsrcList.Create([1u, 2u, 0xFFFFFFFFu]));
        var buffer = new byte[header.GetWrittenLength()];
        Assert.Equal(24, buffer.Length);
        Assert.True(header.TryWrite(buffer, out int written));
        Assert.Equal(24, written);
        Assert.Equal(0x83, buffer[0]);
        Assert.True(RtpHeader.TryRead(buffer, out var read, out int length, out _));
        Assert.Equal(24, length);
        Assert.Equal([1u, 2u, 0xFFFFFFFFu], read.Csrcs.ToArray());
        Assert.Equal(header, read);
    }

    [Fact]
    public void Round_trips_every_field()
    {
        var header = new RtpHeader(111, 65535, uint.MaxValue, 7, marker: true)
            .WithExtension(0xBEDE, new byte[] { 0x10, 0xAA, 0, 0, 0x21, 1, 2, 0 })
            .WithCsrcs(RtpCsrcList.Create([9u]));
        var buffer = new byte[header.GetWrittenLength()];
        Assert.True(header.TryWrite(buffer, out _));
        Assert.True(RtpHeader.TryRead(buffer.AsMemory(), out var read, out _, out _));
        Assert.Equal(header, read);
        Assert.Equal(header.ExtensionData.ToArray(), read.ExtensionData.ToArray());
    }

    [Fact]
    public void Refuses_to_write_into_a_short_buffer()
    {
        var header = new RtpHeader(0, 1, 2, 3);
        Assert.False(header.TryWrite(new byte[11], out int written));
        Assert.Equal(0, written);
    }

    [Theory]
    [InlineData(new byte[] { }, RtpReadError.TooShortForFixedHeader)]
    [InlineData(new byte[] { 0x80, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0 }, RtpReadError.TooShortForFixedHeader)]
    [InlineData(new byte[] { 0x40, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1 }, RtpReadError.UnsupportedVersion)]
    [InlineData(new byte[] { 0x82, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1 }, RtpReadError.TruncatedCsrcList)]
    [InlineData(new byte[] { 0x90, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0xBE, 0xDE }, RtpReadError.TruncatedExtension)]
    [InlineData(new byte[] { 0x90, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0xBE, 0xDE, 0, 2, 1, 2, 3, 4 }, RtpReadError.TruncatedExtension)]
    [InlineData(new byte[] { 0xA0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 5, 0 }, RtpReadError.InvalidPadding)]
    [InlineData(new byte[] { 0xA0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 5, 3 }, RtpReadError.InvalidPadding)]
    public void Rejects_malformed_packets_with_a_reason(byte[] packet, RtpReadError expected)
    {
        Assert.False(RtpHeader.TryRead(packet, out _, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Every_truncation_of_a_valid_packet_is_rejected_or_read_without_throwing()
    {
        for (int length = 0; length <= WithExtension.Length; length++)
        {
            bool ok = RtpHeader.TryRead(WithExtension.AsSpan(0, length), out _, out int headerLength, out var error);
            Assert.Equal(length >= 20, ok);
            Assert.Equal(ok, error == RtpReadError.None);
            Assert.True(headerLength <= length);
        }
    }

    [Fact]
    public void Random_bytes_never_throw_and_a_successful_read_stays_inside_the_buffer()
    {
        var random = new Random(3550);
        var buffer = new byte[80];
        for (int i = 0; i < 20_000; i++)
        {
            int length = random.Next(buffer.Length + 1);
            random.NextBytes(buffer);
            buffer[0] = (byte)((buffer[0] & 0x3F) | 0x80); // mostly version 2, to reach deeper checks
            if (RtpPacket.TryRead(buffer.AsSpan(0, length), out var packet, out var error))
            {
                Assert.Equal(RtpReadError.None, error);
                Assert.Equal(length, packet.HeaderLength + packet.Payload.Length + packet.PaddingLength);
            }
            else
            {
                Assert.NotEqual(RtpReadError.None, error);
            }
        }
    }
}
