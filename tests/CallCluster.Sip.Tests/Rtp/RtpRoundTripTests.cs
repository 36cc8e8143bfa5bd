using CallCluster.Sip.Rtp;

namespace CallCluster.Sip.Tests.Rtp;

/// <summary>Seeded random values: read(write(x)) == x for RTP packets and RTCP compounds.</summary>
public sealed class RtpRoundTripTests
{
    [Fact]
    public void Random_rtp_packets_round_trip()
    {
        var random = new Random(1);
        var buffer = new byte[2048];
        for (int i = 0; i < 2_000; i++)
        {
            var csrcs = new uint[random.Next(16)];
            for (int c = 0; c < csrcs.Length; c++)
            {
                csrcs[c] = (uint)random.NextInt64(uint.MaxValue + 1L);
            }

            var header = new RtpHeader((byte)random.Next(128), (ushort)random.Next(65536), (uint)random.NextInt64(uint.MaxValue + 1L), (uint)random.NextInt64(uint.MaxValue + 1L), random.Next(2) == 0)
                .WithCsrcs(RtpCsrcList.Create(csrcs));
            if (random.Next(2) == 0)
            {
                var data = new byte[4 * random.Next(8)];
                random.NextBytes(data);
                header = header.WithExtension((ushort)random.Next(65536), data);
            }

            var payload = new byte[random.Next(1200)];
            random.NextBytes(payload);
            int padding = random.Next(3) == 0 ? 1 + random.Next(255) : 0;
            Assert.True(RtpPacket.TryWrite(buffer, header, payload, out int written, padding));
            Assert.True(RtpHeader.TryRead(buffer.AsMemory(0, written), out var read, out _, out _));
            Assert.Equal(header.WithPadding(padding > 0), read);
            Assert.True(RtpPacket.TryRead(buffer.AsSpan(0, written), out var packet, out _));
            Assert.True(payload.AsSpan().SequenceEqual(packet.Payload));
            Assert.Equal(padding, packet.PaddingLength);
        }
    }

    [Fact]
    public void Random_rtcp_compounds_round_trip()
    {
        var random = new Random(2);
        var buffer = new byte[8192];
        for (int i = 0; i < 1_000; i++)
        {
            var packets = Enumerable.Range(0, 1 + random.Next(5)).Select(_ => RandomPacket(random)).ToArray();
            Assert.True(RtcpCompound.TryWrite(buffer, packets, out int written));
            Assert.Equal(RtcpCompound.GetWrittenLength(packets), written);
            Assert.True(RtcpCompound.TryRead(buffer.AsSpan(0, written), out var read, out var error), error.ToString());
            Assert.Equal(packets, read.Items);
        }
    }

    private static uint U32(Random random) => (uint)random.NextInt64(uint.MaxValue + 1L);

    private static RtcpReportBlock Block(Random random) =>
        new(U32(random), (byte)random.Next(256), random.Next(-0x800000, 0x800000), U32(random), U32(random), U32(random), U32(random));

    private static string Text(Random random) =>
        new(Enumerable.Range(0, random.Next(40)).Select(_ => (char)random.Next(0x20, 0x7F)).ToArray());

    private static RtcpPacket RandomPacket(Random random) => random.Next(8) switch
    {
        0 => new RtcpSenderReport(U32(random), (ulong)random.NextInt64(), U32(random), U32(random), U32(random),
            ValueList.From(Enumerable.Range(0, random.Next(4)).Select(_ => Block(random)))),
        1 => new RtcpReceiverReport(U32(random), ValueList.From(Enumerable.Range(0, random.Next(4)).Select(_ => Block(random)))),
        2 => new RtcpSourceDescription(ValueList.From(Enumerable.Range(0, random.Next(3)).Select(_ =>
            new RtcpSdesChunk(U32(random), ValueList.From(Enumerable.Range(0, random.Next(3)).Select(_ => new RtcpSdesItem((RtcpSdesItemType)(1 + random.Next(8)), Text(random)))))))),
        3 => new RtcpGoodbye(ValueList.From(Enumerable.Range(0, random.Next(4)).Select(_ => U32(random))), random.Next(2) == 0 ? null : Text(random)),
        4 => new RtcpApplicationDefined((byte)random.Next(32), U32(random), "TEST", ValueList.From(Enumerable.Range(0, 4 * random.Next(4)).Select(_ => (byte)random.Next(256)))),
        5 => new RtcpPictureLossIndication(U32(random), U32(random)),
        6 => new RtcpFullIntraRequest(U32(random), ValueList.From(Enumerable.Range(0, random.Next(3)).Select(_ => new RtcpFirEntry(U32(random), (byte)random.Next(256))))),
        _ => new RtcpGenericNack(U32(random), U32(random), ValueList.From(Enumerable.Range(0, random.Next(4)).Select(_ => new RtcpNackEntry((ushort)random.Next(65536), (ushort)random.Next(65536))))),
    };
}
