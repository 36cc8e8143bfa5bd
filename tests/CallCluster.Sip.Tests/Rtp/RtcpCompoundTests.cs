using CallCluster.Sip.Rtp;

namespace CallCluster.Sip.Tests.Rtp;

public sealed class RtcpCompoundTests
{
    private static readonly RtcpPacket[] Packets =
    [
        new RtcpSenderReport(1, NtpTime.FromDateTimeOffset(new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero)), 160, 10, 1600),
        RtcpSourceDescription.ForCName(1, "node-1@callcluster"),
        new RtcpPictureLossIndication(1, 2),
        new RtcpGoodbye([1], "bye"),
    ];

    [Fact]
    public void Compound_datagram_round_trips_in_order()
    {
        var buffer = new byte[RtcpCompound.GetWrittenLength(Packets)];
        Assert.True(RtcpCompound.TryWrite(buffer, Packets, out int written));
        Assert.Equal(buffer.Length, written);
        Assert.True(RtcpCompound.TryRead(buffer, out var read, out var error));
        Assert.Equal(RtcpReadError.None, error);
        Assert.Equal(Packets, read.Items);
    }

    [Fact]
    public void Reader_walks_headers_without_decoding()
    {
        var buffer = new byte[RtcpCompound.GetWrittenLength(Packets)];
        Assert.True(RtcpCompound.TryWrite(buffer, Packets, out _));
        var reader = new RtcpCompoundReader(buffer);
        var types = new List<(byte Type, byte Count, int Length)>();
        while (reader.TryReadNext(out var header, out var packet))
        {
            types.Add((header.PacketType, header.Count, packet.Length));
        }

        Assert.True(reader.Completed);
        Assert.Equal([(200, 0, 28), (202, 1, 32), (206, 1, 12), (203, 1, 12)], types);
    }

    [Fact]
    public void Reader_stops_at_a_truncated_packet_and_says_why()
    {
        var buffer = new byte[RtcpCompound.GetWrittenLength(Packets)];
        Assert.True(RtcpCompound.TryWrite(buffer, Packets, out _));
        var reader = new RtcpCompoundReader(buffer.AsSpan(0, buffer.Length - 2));
        int count = 0;
        while (reader.TryReadNext(out _, out _))
        {
            count++;
        }

        Assert.Equal(3, count);
        Assert.False(reader.Completed);
        Assert.Equal(RtcpReadError.LengthBeyondDatagram, reader.Error);
    }

    [Theory]
    [InlineData(new byte[] { }, RtcpReadError.Empty)]
    [InlineData(new byte[] { 0x81, 0xC8 }, RtcpReadError.TooShortForHeader)]
    [InlineData(new byte[] { 0x41, 0xC8, 0, 0 }, RtcpReadError.UnsupportedVersion)]
    [InlineData(new byte[] { 0x81, 0xC9, 0, 2, 0, 0, 0, 1 }, RtcpReadError.LengthBeyondDatagram)]
    [InlineData(new byte[] { 0x81, 0xC9, 0, 1, 0, 0, 0, 1 }, RtcpReadError.TruncatedBody)]
    [InlineData(new byte[] { 0x80, 0xC8, 0, 1, 0, 0, 0, 1 }, RtcpReadError.TruncatedBody)]
    [InlineData(new byte[] { 0xA0, 0xC9, 0, 1, 0, 0, 0, 0 }, RtcpReadError.InvalidPadding)]
    [InlineData(new byte[] { 0xA0, 0xC9, 0, 1, 0, 0, 0, 5 }, RtcpReadError.InvalidPadding)]
    [InlineData(new byte[] { 0x81, 0xCA, 0, 2, 0, 0, 0, 1, 1, 9, 0x41, 0x42 }, RtcpReadError.InvalidSourceDescription)]
    [InlineData(new byte[] { 0x81, 0xCA, 0, 2, 0, 0, 0, 1, 1, 1, 0x41, 0x42 }, RtcpReadError.InvalidSourceDescription)]
    [InlineData(new byte[] { 0x81, 0xCB, 0, 2, 0, 0, 0, 1, 9, 0x41, 0x42, 0x43 }, RtcpReadError.InvalidGoodbyeReason)]
    [InlineData(new byte[] { 0x81, 0xCE, 0, 1, 0, 0, 0, 1 }, RtcpReadError.TruncatedBody)]
    [InlineData(new byte[] { 0x80, 0xCC, 0, 1, 0, 0, 0, 1 }, RtcpReadError.TruncatedBody)]
    public void Malformed_datagrams_are_rejected_with_a_reason(byte[] datagram, RtcpReadError expected)
    {
        Assert.False(RtcpCompound.TryRead(datagram, out var packets, out var error));
        Assert.Equal(expected, error);
        Assert.Empty(packets);
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(4585);
        var buffer = new byte[96];
        int accepted = 0;
        for (int i = 0; i < 20_000; i++)
        {
            random.NextBytes(buffer);
            int length = random.Next(buffer.Length + 1) & ~3;
            buffer[0] = (byte)(0x80 | (buffer[0] & 0x3F));
            buffer[1] = (byte)(200 + (buffer[1] % 8));
            buffer[2] = 0;
            buffer[3] = (byte)(buffer[3] % 24);
            if (RtcpCompound.TryRead(buffer.AsSpan(0, length), out var packets, out var error))
            {
                accepted++;
                Assert.True(packets.Count > 0);
            }
            else
            {
                Assert.NotEqual(RtcpReadError.None, error);
            }
        }

        Assert.True(accepted > 0);
    }

    [Fact]
    public void Corrupted_compounds_never_throw_and_what_is_accepted_writes_back_equal()
    {
        var original = new byte[RtcpCompound.GetWrittenLength(Packets)];
        Assert.True(RtcpCompound.TryWrite(original, Packets, out _));
        var random = new Random(5104);
        var buffer = new byte[original.Length];
        var output = new byte[4096];
        int accepted = 0;
        for (int i = 0; i < 20_000; i++)
        {
            original.CopyTo(buffer);
            for (int e = 1 + random.Next(3); e > 0; e--)
            {
                buffer[random.Next(buffer.Length)] ^= (byte)(1 << random.Next(8));
            }

            if (!RtcpCompound.TryRead(buffer, out var packets, out _))
            {
                continue;
            }

            accepted++;
            if (RtcpCompound.TryWrite(output, packets, out int written))
            {
                Assert.True(RtcpCompound.TryRead(output.AsSpan(0, written), out var again, out var error), error.ToString());
                Assert.Equal(packets, again);
            }
        }

        Assert.True(accepted > 0);
    }

    [Fact]
    public void Ntp_time_round_trips_to_the_microsecond()
    {
        var time = new DateTimeOffset(2026, 11, 24, 3, 25, 17, 123, TimeSpan.Zero).AddTicks(4560);
        ulong ntp = NtpTime.FromDateTimeOffset(time);
        Assert.Equal(4_004_479_517UL, ntp >> 32); // seconds since 1900-01-01
        Assert.InRange((NtpTime.ToDateTimeOffset(ntp) - time).Duration().Ticks, 0, 10);
        Assert.Equal((uint)(ntp >> 16), NtpTime.Middle32(ntp));
    }
}
