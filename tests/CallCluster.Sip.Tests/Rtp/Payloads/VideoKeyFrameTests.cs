using CallCluster.Sip.Rtp.Payloads;

namespace CallCluster.Sip.Tests.Rtp.Payloads;

public sealed class VideoKeyFrameTests
{
    [Theory]
    [InlineData("VP8", new byte[] { 0x10, 0x00, 0x9D }, true)]
    [InlineData("vp8", new byte[] { 0x10, 0x01, 0x9D }, false)]
    [InlineData("H264", new byte[] { 0x65, 0x88 }, true)]
    [InlineData("h264", new byte[] { 0x7C, 0x85, 0x88 }, true)]
    [InlineData("H264", new byte[] { 0x41, 0x9A }, false)]
    [InlineData("H264", new byte[] { }, false)]
    [InlineData("VP9", new byte[] { 0x10, 0x00 }, false)]
    public void Detects_keyframes_by_encoding(string encoding, byte[] payload, bool expected) =>
        Assert.Equal(expected, VideoKeyFrame.IsKeyFrame(encoding, payload));
}
