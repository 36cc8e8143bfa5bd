using CallCluster.Sip.Rtp.Payloads;

namespace CallCluster.Sip.Tests.Rtp.Payloads;

public sealed class H264PayloadTests
{
    private static byte[] Nal(byte header, int length)
    {
        var nal = new byte[length];
        nal[0] = header;
        for (int i = 1; i < length; i++)
        {
            nal[i] = (byte)(i * 7);
        }

        return nal;
    }

    [Theory]
    [InlineData(new byte[] { 0x65, 1, 2 }, H264Packetization.SingleNal, 5, true, true, true)]
    [InlineData(new byte[] { 0x41, 1, 2 }, H264Packetization.SingleNal, 1, true, true, false)]
    [InlineData(new byte[] { 0x67, 0x42 }, H264Packetization.SingleNal, 7, true, true, true)]
    [InlineData(new byte[] { 0x7C, 0x85, 9 }, H264Packetization.FuA, 5, true, false, true)]
    [InlineData(new byte[] { 0x7C, 0x05, 9 }, H264Packetization.FuA, 5, false, false, false)]
    [InlineData(new byte[] { 0x5C, 0x41, 9 }, H264Packetization.FuA, 1, false, true, false)]
    [InlineData(new byte[] { 0x78, 0, 2, 0x67, 0x42, 0, 1, 0x68 }, H264Packetization.StapA, 7, true, true, true)]
    public void Reads_the_payload_structure(byte[] payload, H264Packetization packetization, int nalType, bool starts, bool ends, bool key)
    {
        Assert.True(H264PayloadInfo.TryRead(payload, out var info));
        Assert.Equal(new H264PayloadInfo(packetization, (byte)nalType, starts, ends, key), info);
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 0xE5, 0 })] // forbidden bit
    [InlineData(new byte[] { 0x7C, 0x85 })] // FU-A without data
    [InlineData(new byte[] { 0x7C, 0xC5, 1 })] // S and E together
    [InlineData(new byte[] { 0x78, 0, 5, 0x67 })] // STAP-A size past the end
    [InlineData(new byte[] { 0x78 })] // STAP-A without units
    [InlineData(new byte[] { 0x79, 0, 0 })] // STAP-B
    [InlineData(new byte[] { 0x00, 1 })] // type 0
    public void Rejects_malformed_or_unsupported_payloads(byte[] payload) =>
        Assert.False(H264PayloadInfo.TryRead(payload, out _));

    [Fact]
    public void Stap_a_reader_yields_each_unit()
    {
        byte[] stap = [0x78, 0, 3, 0x67, 0x42, 0x00, 0, 2, 0x68, 0xCE, 0, 1, 0x06];
        var reader = new H264StapAReader(stap);
        var units = new List<byte[]>();
        while (reader.TryReadNext(out var nal))
        {
            units.Add(nal.ToArray());
        }

        Assert.True(reader.Completed);
        Assert.Equal([[0x67, 0x42, 0x00], [0x68, 0xCE], [0x06]], units);
    }

    [Fact]
    public void Small_units_are_sent_as_single_nal_packets()
    {
        var nal = Nal(0x65, 100);
        Assert.Equal(1, H264Packetizer.GetPacketCount(nal.Length, 1200));
        var buffer = new byte[1200];
        Assert.True(H264Packetizer.TryWritePacket(nal, 1200, 0, buffer, out int written));
        Assert.Equal(nal, buffer[..written]);
        Assert.False(H264Packetizer.TryWritePacket(nal, 1200, 1, buffer, out _));
    }

    [Fact]
    public void Large_units_are_fragmented_and_reassembled()
    {
        var nal = Nal(0x65, 5000);
        int count = H264Packetizer.GetPacketCount(nal.Length, 1200);
        Assert.Equal(5, count); // 4999 body bytes in 1198-byte fragments
        var depacketizer = new H264Depacketizer();
        var buffer = new byte[1200];
        for (int i = 0; i < count; i++)
        {
            Assert.True(H264Packetizer.TryWritePacket(nal, 1200, i, buffer, out int written));
            Assert.True(written <= 1200);
            Assert.Equal(0x7C, buffer[0]); // NRI 3, type 28
            Assert.Equal(i == 0, (buffer[1] & 0x80) != 0);
            Assert.Equal(i == count - 1, (buffer[1] & 0x40) != 0);
            Assert.Equal(H264PayloadInfo.IdrSlice, buffer[1] & 0x1F);
            var result = depacketizer.Push(buffer.AsSpan(0, written), (ushort)(65534 + i));
            Assert.Equal(i == count - 1 ? H264DepacketizeResult.Complete : H264DepacketizeResult.NeedMore, result);
        }

        Assert.Equal(nal, Assert.Single(depacketizer.TakeNalUnits()));
        Assert.Empty(depacketizer.TakeNalUnits());
    }

    [Fact]
    public void A_lost_fragment_drops_the_unit()
    {
        var nal = Nal(0x41, 3000);
        var depacketizer = new H264Depacketizer();
        var buffer = new byte[1000];
        Assert.True(H264Packetizer.TryWritePacket(nal, 1000, 0, buffer, out int written));
        Assert.Equal(H264DepacketizeResult.NeedMore, depacketizer.Push(buffer.AsSpan(0, written), 10));
        Assert.True(H264Packetizer.TryWritePacket(nal, 1000, 2, buffer, out written));
        Assert.Equal(H264DepacketizeResult.Dropped, depacketizer.Push(buffer.AsSpan(0, written), 12));
        Assert.True(H264Packetizer.TryWritePacket(nal, 1000, 3, buffer, out written));
        Assert.Equal(H264DepacketizeResult.Dropped, depacketizer.Push(buffer.AsSpan(0, written), 13));
        Assert.Empty(depacketizer.TakeNalUnits());
    }

    [Fact]
    public void Units_larger_than_the_limit_are_dropped()
    {
        var nal = Nal(0x41, 3000);
        var depacketizer = new H264Depacketizer(maxNalSize: 2000);
        var buffer = new byte[1000];
        var results = new List<H264DepacketizeResult>();
        for (int i = 0; i < H264Packetizer.GetPacketCount(nal.Length, 1000); i++)
        {
            Assert.True(H264Packetizer.TryWritePacket(nal, 1000, i, buffer, out int written));
            results.Add(depacketizer.Push(buffer.AsSpan(0, written), (ushort)i));
        }

        Assert.Equal([H264DepacketizeResult.NeedMore, H264DepacketizeResult.NeedMore, H264DepacketizeResult.Dropped, H264DepacketizeResult.Dropped], results);
    }

    [Fact]
    public void Single_and_aggregated_units_pass_through_the_depacketizer()
    {
        var depacketizer = new H264Depacketizer();
        Assert.Equal(H264DepacketizeResult.Complete, depacketizer.Push([0x67, 0x42], 1));
        Assert.Equal(H264DepacketizeResult.Complete, depacketizer.Push([0x78, 0, 1, 0x68, 0, 2, 0x65, 0x88], 2));
        Assert.Equal(H264DepacketizeResult.Dropped, depacketizer.Push([0xFF], 3));
        Assert.Equal([[0x67, 0x42], [0x68], [0x65, 0x88]], depacketizer.TakeNalUnits());
    }

    [Fact]
    public void Packetizer_refuses_impossible_sizes()
    {
        Assert.Equal(0, H264Packetizer.GetPacketCount(0, 1200));
        Assert.Equal(0, H264Packetizer.GetPacketCount(100, 2));
        Assert.False(H264Packetizer.TryWritePacket(Nal(0x65, 100), 1200, 0, new byte[50], out _));
    }
}
