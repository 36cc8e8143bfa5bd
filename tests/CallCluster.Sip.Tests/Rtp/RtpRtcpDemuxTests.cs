using CallCluster.Sip.Rtp;

namespace CallCluster.Sip.Tests.Rtp;

public sealed class RtpRtcpDemuxTests
{
    [Theory]
    [InlineData(new byte[] { 0x80, 0x00 }, MediaPacketKind.Rtp)]
    [InlineData(new byte[] { 0x80, 0xE0 }, MediaPacketKind.Rtp)] // marker + PT 96
    [InlineData(new byte[] { 0x80, 0x3F }, MediaPacketKind.Rtp)] // PT 63
    [InlineData(new byte[] { 0x80, 0xBF }, MediaPacketKind.Rtp)] // marker + PT 63
    [InlineData(new byte[] { 0x81, 0xC8 }, MediaPacketKind.Rtcp)] // SR 200
    [InlineData(new byte[] { 0x80, 0xC0 }, MediaPacketKind.Rtcp)] // 192
    [InlineData(new byte[] { 0x80, 0xDF }, MediaPacketKind.Rtcp)] // 223
    [InlineData(new byte[] { 0x00, 0x01 }, MediaPacketKind.Stun)]
    [InlineData(new byte[] { 0x16, 0xFE }, MediaPacketKind.Dtls)]
    [InlineData(new byte[] { 0x80 }, MediaPacketKind.Unknown)]
    [InlineData(new byte[] { }, MediaPacketKind.Unknown)]
    [InlineData(new byte[] { 0x45, 0x00 }, MediaPacketKind.Unknown)]
    public void Classifies_by_first_two_bytes(byte[] datagram, MediaPacketKind expected)
    {
        Assert.Equal(expected, RtpRtcpDemux.Classify(datagram));
        Assert.Equal(expected == MediaPacketKind.Rtcp, RtpRtcpDemux.IsRtcp(datagram));
    }

    [Fact]
    public void Payload_types_64_to_95_are_unusable_with_mux()
    {
        for (int pt = 0; pt < 128; pt++)
        {
            Assert.Equal(pt is < 64 or > 95, RtpRtcpDemux.IsPayloadTypeUsableWithMux((byte)pt));
        }

        Assert.False(RtpRtcpDemux.IsPayloadTypeUsableWithMux(200));
    }
}
