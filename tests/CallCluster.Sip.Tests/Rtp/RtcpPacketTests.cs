using CallCluster.Sip.Rtp;

namespace CallCluster.Sip.Tests.Rtp;

public sealed class RtcpPacketTests
{
    private static byte[] Write(RtcpPacket packet)
    {
        var buffer = new byte[packet.GetWrittenLength()];
        Assert.True(packet.TryWrite(buffer, out int written));
        Assert.Equal(buffer.Length, written);
        Assert.Equal(0, written % 4);
        return buffer;
    }

    private static RtcpPacket Read(byte[] bytes)
    {
        Assert.True(RtcpPacket.TryRead(bytes, out var packet, out int consumed, out var error), error.ToString());
        Assert.Equal(bytes.Length, consumed);
        return packet!;
    }

    [Fact]
    public void Sender_report_matches_the_wire_layout_and_round_trips()
    {
        var block = new RtcpReportBlock(0xBC5E9A40, 0x00, -1, 0x46E1, 0x0273, 0x9F36432, 0x150137);
        var sr = new RtcpSenderReport(0x902F9E2E, 0xDA8BD1FCDDDDA05A, 0xAAF4EDD5, 1, 2, [block]);
        byte[] expected =
        [
            0x81, 0xC8, 0x00, 0x0C, 0x90, 0x2F, 0x9E, 0x2E, 0xDA, 0x8B, 0xD1, 0xFC, 0xDD, 0xDD, 0xA0, 0x5A,
            0xAA, 0xF4, 0xED, 0xD5, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x02,
            0xBC, 0x5E, 0x9A, 0x40, 0x00, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x46, 0xE1, 0x00, 0x00, 0x02, 0x73,
            0x09, 0xF3, 0x64, 0x32, 0x00, 0x15, 0x01, 0x37,
        ];
        Assert.Equal(expected, Write(sr));
        Assert.Equal(sr, Read(expected));
    }

    [Fact]
    public void Receiver_report_round_trips_with_several_blocks_and_extreme_loss_values()
    {
        var rr = new RtcpReceiverReport(42, [
            new RtcpReportBlock(1, 255, 0x7FFFFF, uint.MaxValue, 10, 20, 30),
            new RtcpReportBlock(2, 0, -0x800000, 0, 0, 0, 0),
        ]);
        var bytes = Write(rr);
        Assert.Equal(4 + 4 + 48, bytes.Length);
        Assert.Equal(0x82, bytes[0]);
        Assert.Equal(201, bytes[1]);
        Assert.Equal(rr, Read(bytes));
    }

    [Fact]
    public void Source_description_writes_cname_with_null_item_and_padding()
    {
        var sdes = RtcpSourceDescription.ForCName(0x12345678, "hello world");
        byte[] expected =
        [
            0x81, 0xCA, 0x00, 0x05, 0x12, 0x34, 0x56, 0x78, 0x01, 0x0B,
            (byte)'h', (byte)'e', (byte)'l', (byte)'l', (byte)'o', (byte)' ', (byte)'w', (byte)'o', (byte)'r', (byte)'l', (byte)'d',
            0x00, 0x00, 0x00,
        ];
        Assert.Equal(expected, Write(sdes));
        var read = Assert.IsType<RtcpSourceDescription>(Read(expected));
        Assert.Equal("hello world", read.Chunks[0].CName);
        Assert.Equal(sdes, read);
    }

    [Fact]
    public void Source_description_round_trips_several_chunks_and_items()
    {
        var sdes = new RtcpSourceDescription([
            new RtcpSdesChunk(1, [new(RtcpSdesItemType.CName, "a@b"), new(RtcpSdesItemType.Tool, "CallCluster"), new(RtcpSdesItemType.Note, "")]),
            new RtcpSdesChunk(2, [new(RtcpSdesItemType.Name, "Zoë")]),
            new RtcpSdesChunk(3, []),
        ]);
        Assert.Equal(sdes, Read(Write(sdes)));
    }

    [Fact]
    public void Goodbye_round_trips_with_and_without_reason()
    {
        var bye = new RtcpGoodbye([0x01020304, 0x05060708], "call ended");
        var bytes = Write(bye);
        Assert.Equal(4 + 8 + 12, bytes.Length);
        Assert.Equal(10, bytes[12]);
        Assert.Equal(bye, Read(bytes));

        var plain = new RtcpGoodbye([7]);
        Assert.Equal([0x81, 0xCB, 0x00, 0x01, 0, 0, 0, 7], Write(plain));
        Assert.Equal(plain, Read(Write(plain)));
    }

    [Fact]
    public void Application_defined_round_trips()
    {
        var app = new RtcpApplicationDefined(5, 99, "CCLU", [1, 2, 3, 4, 5, 6, 7, 8]);
        var bytes = Write(app);
        Assert.Equal(0x85, bytes[0]);
        Assert.Equal(204, bytes[1]);
        Assert.Equal((byte)'C', bytes[8]);
        Assert.Equal(app, Read(bytes));
        Assert.False(new RtcpApplicationDefined(1, 1, "TOOLONG").TryWrite(new byte[64], out _));
        Assert.False(new RtcpApplicationDefined(1, 1, "ABCD", [1, 2, 3]).TryWrite(new byte[64], out _));
    }

    [Fact]
    public void Picture_loss_indication_matches_rfc_4585_layout()
    {
        var pli = new RtcpPictureLossIndication(0x902F9E2E, 0x902F9E2F);
        byte[] expected = [0x81, 0xCE, 0x00, 0x02, 0x90, 0x2F, 0x9E, 0x2E, 0x90, 0x2F, 0x9E, 0x2F];
        Assert.Equal(expected, Write(pli));
        Assert.Equal(pli, Read(expected));
    }

    [Fact]
    public void Full_intra_request_matches_rfc_5104_layout()
    {
        var fir = new RtcpFullIntraRequest(0x11111111, [new RtcpFirEntry(0x22222222, 7)]);
        byte[] expected =
        [
            0x84, 0xCE, 0x00, 0x04, 0x11, 0x11, 0x11, 0x11, 0x00, 0x00, 0x00, 0x00,
            0x22, 0x22, 0x22, 0x22, 0x07, 0x00, 0x00, 0x00,
        ];
        Assert.Equal(expected, Write(fir));
        Assert.Equal(fir, Read(expected));
    }

    [Fact]
    public void Unknown_types_and_formats_are_kept_byte_exact()
    {
        byte[] tmmbr = [0x83, 0xCD, 0x00, 0x04, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2, 0x12, 0x34, 0x56, 0x78];
        var read = Assert.IsType<RtcpUnknownPacket>(Read(tmmbr));
        Assert.Equal(RtcpPacketType.TransportFeedback, read.PacketType);
        Assert.Equal(3, read.Count);
        Assert.Equal(tmmbr, Write(read));

        byte[] xr = [0x80, 0xCF, 0x00, 0x01, 0, 0, 0, 9];
        Assert.Equal(xr, Write(Assert.IsType<RtcpUnknownPacket>(Read(xr))));
    }

    [Fact]
    public void Generic_nack_matches_rfc_4585_layout_and_lists_lost_packets()
    {
        byte[] expected = [0x81, 0xCD, 0x00, 0x03, 0, 0, 0, 1, 0, 0, 0, 2, 0x12, 0x34, 0x00, 0x05];
        var nack = Assert.IsType<RtcpGenericNack>(Read(expected));
        Assert.Equal(new RtcpGenericNack(1, 2, [new RtcpNackEntry(0x1234, 0x0005)]), nack);
        Assert.Equal([0x1234, 0x1235, 0x1237], nack.Entries[0].LostSequenceNumbers());
        Assert.Equal(expected, Write(nack));
    }

    [Fact]
    public void Generic_nack_packs_lost_sequence_numbers_across_the_wrap()
    {
        var nack = RtcpGenericNack.ForLost(1, 2, [65534, 65535, 3, 40, 40]);
        Assert.Equal([new RtcpNackEntry(65534, 0b10001), new RtcpNackEntry(40, 0)], nack.Entries);
        Assert.Equal([65534, 65535, 3, 40], nack.Entries.SelectMany(e => e.LostSequenceNumbers()));
    }

    [Fact]
    public void Padding_on_a_packet_is_excluded_from_its_body()
    {
        byte[] padded = [0xA1, 0xCB, 0x00, 0x02, 0, 0, 0, 7, 0, 0, 0, 4];
        var bye = Assert.IsType<RtcpGoodbye>(Read(padded));
        Assert.Equal(new uint[] { 7 }, bye.Sources.Items.ToArray());
        Assert.Null(bye.Reason);
    }

    [Fact]
    public void Writes_refuse_unencodable_values()
    {
        var blocks = Enumerable.Range(0, 32).Select(i => new RtcpReportBlock((uint)i, 0, 0, 0, 0, 0, 0));
        Assert.False(new RtcpReceiverReport(1, ValueList.From(blocks)).TryWrite(new byte[2000], out _));
        Assert.False(new RtcpGoodbye([1], new string('x', 256)).TryWrite(new byte[400], out _));
        Assert.False(RtcpSourceDescription.ForCName(1, new string('x', 256)).TryWrite(new byte[400], out _));
        Assert.False(new RtcpPictureLossIndication(1, 2).TryWrite(new byte[11], out int written));
        Assert.Equal(0, written);
    }
}
