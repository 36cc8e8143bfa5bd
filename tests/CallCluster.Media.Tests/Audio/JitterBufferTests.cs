using CallCluster.Media.Audio;

namespace CallCluster.Media.Tests.Audio;

public sealed class JitterBufferTests
{
    private const uint Ssrc = 0x1234;

    private static short[] Frame(short value) => Enumerable.Repeat(value, AudioFrame.Samples).ToArray();

    private static (PlayoutKind Kind, short First) Pop(JitterBuffer buffer)
    {
        var frame = new short[AudioFrame.Samples];
        var kind = buffer.Pop(frame);
        return (kind, frame[0]);
    }

    [Fact]
    public void Plays_in_order_after_the_target_delay()
    {
        var buffer = new JitterBuffer(targetDelayFrames: 1);
        buffer.Insert(Ssrc, 1000, Frame(1));
        buffer.Insert(Ssrc, 1160, Frame(2));

        Assert.Equal((PlayoutKind.Silence, (short)0), Pop(buffer));
        Assert.Equal((PlayoutKind.Audio, (short)1), Pop(buffer));
        Assert.Equal((PlayoutKind.Audio, (short)2), Pop(buffer));
    }

    [Fact]
    public void Reordered_packets_play_in_timestamp_order()
    {
        var buffer = new JitterBuffer(targetDelayFrames: 2);
        buffer.Insert(Ssrc, 0, Frame(1));
        buffer.Insert(Ssrc, 320, Frame(3));
        buffer.Insert(Ssrc, 160, Frame(2));

        Pop(buffer);
        Pop(buffer);
        Assert.Equal((PlayoutKind.Audio, (short)1), Pop(buffer));
        Assert.Equal((PlayoutKind.Audio, (short)2), Pop(buffer));
        Assert.Equal((PlayoutKind.Audio, (short)3), Pop(buffer));
    }

    [Fact]
    public void A_playout_point_ahead_of_the_stream_resynchronises_after_a_few_late_packets()
    {
        var buffer = new JitterBuffer(targetDelayFrames: 0);
        buffer.Insert(Ssrc, 0, Frame(1));
        for (int i = 0; i < 5; i++)
        {
            Pop(buffer);
        }

        // Playout is now at 800: the stream's next packets (160, 320) arrive late.
        Assert.Equal(InsertResult.Late, buffer.Insert(Ssrc, 160, Frame(2)));
        Assert.Equal(InsertResult.Late, buffer.Insert(Ssrc, 320, Frame(3)));
        Assert.Equal(InsertResult.Resynchronised, buffer.Insert(Ssrc, 480, Frame(4)));
        Assert.Equal((PlayoutKind.Audio, (short)4), Pop(buffer));
    }

    [Fact]
    public void A_lost_frame_is_concealed_once_at_half_level_then_silence()
    {
        var buffer = new JitterBuffer(targetDelayFrames: 0);
        buffer.Insert(Ssrc, 0, Frame(1000));
        buffer.Insert(Ssrc, 640, Frame(7));

        Assert.Equal((PlayoutKind.Audio, (short)1000), Pop(buffer));
        Assert.Equal((PlayoutKind.Concealed, (short)500), Pop(buffer));
        Assert.Equal((PlayoutKind.Silence, (short)0), Pop(buffer));
        Assert.Equal((PlayoutKind.Silence, (short)0), Pop(buffer));
        Assert.Equal((PlayoutKind.Audio, (short)7), Pop(buffer));
        Assert.Equal(3, buffer.LostFrames);
    }

    [Fact]
    public void A_packet_after_its_playout_time_is_dropped_as_late()
    {
        var buffer = new JitterBuffer(targetDelayFrames: 0);
        buffer.Insert(Ssrc, 0, Frame(1));
        Pop(buffer);
        Pop(buffer);

        Assert.Equal(InsertResult.Late, buffer.Insert(Ssrc, 160, Frame(2)));
        Assert.Equal(1, buffer.LatePackets);
    }

    [Fact]
    public void Depth_stays_bounded_when_the_sender_runs_ahead()
    {
        var buffer = new JitterBuffer(targetDelayFrames: 2, maxDepthFrames: 6);
        for (uint i = 0; i < 50; i++)
        {
            buffer.Insert(Ssrc, i * 160, Frame((short)i));
            Assert.True(buffer.Depth <= 6 * AudioFrame.Samples, $"depth {buffer.Depth} after {i} packets");
        }

        var (kind, value) = Pop(buffer);
        Assert.Equal(PlayoutKind.Audio, kind);
        Assert.True(value >= 44, $"old audio {value} should have been skipped");
    }

    [Fact]
    public void A_new_ssrc_or_a_jump_in_time_restarts_the_buffer()
    {
        var buffer = new JitterBuffer(targetDelayFrames: 0);
        Assert.Equal(InsertResult.Resynchronised, buffer.Insert(Ssrc, 0, Frame(1)));
        Assert.Equal(InsertResult.Resynchronised, buffer.Insert(Ssrc + 1, 999_999, Frame(2)));
        Assert.Equal((PlayoutKind.Audio, (short)2), Pop(buffer));
        Assert.Equal(InsertResult.Resynchronised, buffer.Insert(Ssrc + 1, 5_000_000, Frame(3)));
        Assert.Equal((PlayoutKind.Audio, (short)3), Pop(buffer));
    }

    [Fact]
    public void Empty_or_oversized_packets_are_rejected()
    {
        var buffer = new JitterBuffer();
        Assert.Equal(InsertResult.Rejected, buffer.Insert(Ssrc, 0, []));
        Assert.Equal(InsertResult.Rejected, buffer.Insert(Ssrc, 0, new short[4000]));
        Assert.Equal(PlayoutKind.Silence, Pop(buffer).Kind);
    }

    [Fact]
    public void Frames_across_the_rings_end_and_frames_half_arrived_play_every_sample_in_place()
    {
        // The ring holds 4096 samples: start 100 samples before its end, so frames wrap around it.
        var buffer = new JitterBuffer(targetDelayFrames: 0);
        uint start = 4096u * 5 - 100;
        var frames = Enumerable.Range(0, 6)
            .Select(f => Enumerable.Range(0, AudioFrame.Samples).Select(i => (short)(f * 1000 + i)).ToArray())
            .ToArray();
        for (int f = 0; f < frames.Length; f++)
        {
            // Frame 3 arrives only as its second half; frame 4 only as its first.
            var samples = f switch { 3 => frames[f][80..], 4 => frames[f][..80], _ => frames[f] };
            buffer.Insert(Ssrc, start + (uint)(f * AudioFrame.Samples) + (f == 3 ? 80u : 0u), samples);
        }

        var played = new short[AudioFrame.Samples];
        for (int f = 0; f < frames.Length; f++)
        {
            Assert.Equal(PlayoutKind.Audio, buffer.Pop(played));
            short[] expected = f switch
            {
                3 => [.. new short[80], .. frames[f][80..]],
                4 => [.. frames[f][..80], .. new short[80]],
                _ => frames[f],
            };
            Assert.Equal(expected, played);
        }

        // Everything played was taken: the next frame is a loss, concealed from the last one, and
        // once the playout point comes round the ring again nothing played before plays again.
        Assert.Equal(PlayoutKind.Concealed, buffer.Pop(played));
        Assert.Equal((short)(frames[5][10] / 2), played[10]);
        for (int f = 0; f < 30; f++)
        {
            Assert.Equal(PlayoutKind.Silence, buffer.Pop(played));
            Assert.All(played, sample => Assert.Equal(0, sample));
        }
    }
}
