using CallCluster.Sip.Rtp.Payloads;

namespace CallCluster.Sip.Tests.Rtp.Payloads;

public sealed class Vp8PayloadDescriptorTests
{
    [Fact]
    public void Reads_the_minimal_descriptor_and_detects_a_keyframe()
    {
        byte[] key = [0x10, 0x00, 0x9D, 0x01, 0x2A];
        Assert.True(Vp8PayloadDescriptor.TryRead(key, out var descriptor, out int length));
        Assert.Equal(1, length);
        Assert.True(descriptor.StartOfPartition);
        Assert.True(descriptor.IsStartOfFrame);
        Assert.False(descriptor.HasPictureId);
        Assert.True(Vp8PayloadDescriptor.IsKeyFrame(key));
        Assert.False(Vp8PayloadDescriptor.IsKeyFrame([0x10, 0x01, 0x00])); // P = 1: interframe
        Assert.False(Vp8PayloadDescriptor.IsKeyFrame([0x00, 0x00, 0x00])); // continuation
        Assert.False(Vp8PayloadDescriptor.IsKeyFrame([0x11, 0x00, 0x00])); // partition 1
    }

    [Fact]
    public void Reads_every_extension_field()
    {
        // X S, I L T K, M + picture id 0x0123, TL0PICIDX 0x45, TID 2 Y KEYIDX 3, then payload header (key frame).
        byte[] payload = [0xB0, 0xF0, 0x81, 0x23, 0x45, 0xA3, 0x00];
        Assert.True(Vp8PayloadDescriptor.TryRead(payload, out var d, out int length));
        Assert.Equal(6, length);
        Assert.True(d.NonReference);
        Assert.True(d.HasPictureId && d.LongPictureId);
        Assert.Equal(0x0123, d.PictureId);
        Assert.True(d.HasTl0PicIdx);
        Assert.Equal(0x45, d.Tl0PicIdx);
        Assert.True(d.HasTemporalId && d.HasKeyIndex && d.LayerSync);
        Assert.Equal(2, d.TemporalId);
        Assert.Equal(3, d.KeyIndex);
        Assert.Equal(6, d.GetWrittenLength());
        var written = new byte[6];
        Assert.True(d.TryWrite(written, out int count));
        Assert.Equal(6, count);
        Assert.Equal(payload[..6], written);
        Assert.True(Vp8PayloadDescriptor.IsKeyFrame(payload));
    }

    [Fact]
    public void Short_picture_id_round_trips()
    {
        var d = new Vp8PayloadDescriptor { StartOfPartition = true, HasPictureId = true, PictureId = 0x55 };
        var buffer = new byte[d.GetWrittenLength()];
        Assert.True(d.TryWrite(buffer, out _));
        Assert.Equal([0x90, 0x80, 0x55], buffer);
        Assert.True(Vp8PayloadDescriptor.TryRead(buffer, out var read, out _));
        Assert.Equal(d, read);
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 0x80 })]
    [InlineData(new byte[] { 0x80, 0x80 })]
    [InlineData(new byte[] { 0x80, 0x80, 0x80 })]
    [InlineData(new byte[] { 0x80, 0x40 })]
    [InlineData(new byte[] { 0x80, 0x20 })]
    public void Truncated_descriptors_are_rejected(byte[] payload)
    {
        Assert.False(Vp8PayloadDescriptor.TryRead(payload, out _, out _));
        Assert.False(Vp8PayloadDescriptor.IsKeyFrame(payload));
    }

    [Fact]
    public void Picture_id_is_rewritten_in_place()
    {
        byte[] longId = [0x90, 0x80, 0x81, 0x23, 0x00];
        Assert.True(Vp8PayloadDescriptor.TrySetPictureId(longId, 0x7FFF));
        Assert.True(Vp8PayloadDescriptor.TryRead(longId, out var d, out _));
        Assert.Equal(0x7FFF, d.PictureId);

        byte[] shortId = [0x90, 0x80, 0x05, 0x00];
        Assert.True(Vp8PayloadDescriptor.TrySetPictureId(shortId, 0x81));
        Assert.Equal(0x01, shortId[2]);
        Assert.False(Vp8PayloadDescriptor.TrySetPictureId([0x10, 0x00], 1));
    }
}
