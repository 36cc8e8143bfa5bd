using CallCluster.Sip.Rtp.Payloads;
using CallCluster.Terminal.Media;

namespace CallCluster.Terminal.Tests;

public sealed class MediaUnitTests
{
    [Theory]
    [InlineData(440)]
    [InlineData(880)]
    [InlineData(1240)]
    public void Goertzel_finds_a_pure_tone_and_nothing_else(double frequency)
    {
        var detector = new ToneDetector(ToneDetector.DefaultCandidates);
        var samples = new short[8000];
        new ToneGenerator(frequency).Fill(samples);
        detector.Add(samples);
        Assert.Equal([(int)frequency], detector.Detected);
    }

    [Fact]
    public void Goertzel_finds_both_tones_of_a_mix()
    {
        var detector = new ToneDetector(ToneDetector.DefaultCandidates);
        var a = new short[8000];
        var b = new short[8000];
        new ToneGenerator(440, 6000).Fill(a);
        new ToneGenerator(880, 6000).Fill(b);
        var mix = a.Zip(b, (x, y) => (short)(x + y)).ToArray();
        detector.Add(mix);
        Assert.Equal([440, 880], detector.Detected);
    }

    [Fact]
    public void Recent_tones_follow_a_change_of_tone_while_detected_keeps_history()
    {
        var detector = new ToneDetector(ToneDetector.DefaultCandidates);
        var samples = new short[12000];
        new ToneGenerator(440).Fill(samples.AsSpan(0, 8000));
        detector.Add(samples.AsSpan(0, 8000));
        Assert.Equal([440], detector.Recent);
        new ToneGenerator(880).Fill(samples);
        detector.Add(samples);
        Assert.Equal([440, 880], detector.Detected);
        Assert.Equal([880], detector.Recent);
    }

    [Fact]
    public void Silence_has_no_tone()
    {
        var detector = new ToneDetector(ToneDetector.DefaultCandidates);
        detector.Add(new short[8000]);
        Assert.Empty(detector.Detected);
        Assert.Equal(10, detector.Windows);
    }

    [Fact]
    public void Vp8_frames_carry_valid_descriptors_and_mark_key_frames()
    {
        var source = new Vp8PayloadSource();
        var key = source.NextFrame(keyFrame: true);
        var delta = source.NextFrame(keyFrame: false);
        Assert.True(key.Count > 1);
        Assert.True(Vp8PayloadDescriptor.IsKeyFrame(key[0]));
        Assert.False(Vp8PayloadDescriptor.IsKeyFrame(key[1]));
        Assert.False(Vp8PayloadDescriptor.IsKeyFrame(delta[0]));
        Assert.True(Vp8PayloadDescriptor.TryRead(key[0], out var first, out var length));
        Assert.True(first.IsStartOfFrame && first.HasPictureId);
        Assert.Equal([0x9D, 0x01, 0x2A], key[0].AsSpan(length + 3, 3).ToArray());
        Assert.True(Vp8PayloadDescriptor.TryRead(delta[0], out var next, out _));
        Assert.Equal((ushort)(first.PictureId + 1), next.PictureId);
    }

    [Fact]
    public void H264_key_frames_are_sps_pps_and_fragmented_idr()
    {
        var source = new H264PayloadSource(maxPayloadSize: 1000);
        var key = source.NextFrame(keyFrame: true);
        var delta = source.NextFrame(keyFrame: false);
        Assert.Equal(7, key[0][0] & 0x1F);
        Assert.Equal(8, key[1][0] & 0x1F);
        Assert.Equal(28, key[2][0] & 0x1F);
        Assert.True(VideoKeyFrame.IsKeyFrame("H264", key[2]));
        Assert.False(VideoKeyFrame.IsKeyFrame("H264", delta[0]));
        Assert.All(key.Concat(delta), p => Assert.True(p.Length <= 1000));
        var depacketizer = new H264Depacketizer();
        ushort sequence = 1;
        foreach (var payload in key.Skip(2))
        {
            depacketizer.Push(payload, sequence++);
        }

        var nal = Assert.Single(depacketizer.TakeNalUnits());
        Assert.Equal(0x65, nal[0]);
        Assert.Equal(2400, nal.Length);
    }
}
