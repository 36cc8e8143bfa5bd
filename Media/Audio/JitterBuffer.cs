using System.Runtime.CompilerServices;

namespace CallCluster.Media.Audio;

/// <summary>
/// A small playout buffer for one inbound audio stream, indexed by RTP timestamp so that packets
/// of any duration land where they belong: reordering inside the buffer's delay is undone, a
/// duplicate overwrites itself, a lost frame is concealed by repeating the last one at half level
/// once, then silence. Depth is bounded: a stream that runs ahead is cut back to the target delay,
/// and a jump in time or a new SSRC restarts the buffer. Owned by one mixing loop; not thread-safe.
/// </summary>
public sealed class JitterBuffer
{
    private const int Capacity = 4096; // 512 ms at 8 kHz, a power of two
    private const int Mask = Capacity - 1;
    private const int IdleAfter = 3 * AudioFrame.Samples;

    private readonly short[] ring = new short[Capacity];
    private readonly bool[] filled = new bool[Capacity];
    private readonly short[] lastFrame = new short[AudioFrame.Samples];
    private readonly int targetDelay;
    private readonly int maxDepth;
    private uint playout;
    private uint highestEnd;
    private uint ssrc;
    private bool started;
    private int lateInRow;

    /// <summary>Consecutive late packets after which the playout point is moved back to the stream.</summary>
    public const int ResyncAfterLate = 3;
    private int concealedInRow;
    private bool prefill;

    /// <summary>Creates a buffer that plays <paramref name="targetDelayFrames"/> frames behind the first packet
    /// and never holds more than <paramref name="maxDepthFrames"/> frames.</summary>
    public JitterBuffer(int targetDelayFrames = 2, int maxDepthFrames = 10)
    {
        if (targetDelayFrames < 0 || maxDepthFrames <= targetDelayFrames || maxDepthFrames * AudioFrame.Samples > Capacity / 2)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDepthFrames), "need 0 <= target < max depth <= 12 frames");
        }

        targetDelay = targetDelayFrames * AudioFrame.Samples;
        maxDepth = maxDepthFrames * AudioFrame.Samples;
    }

    /// <summary>Frames dropped because they arrived after their playout time.</summary>
    public long LatePackets { get; private set; }

    /// <summary>Frames concealed or played as silence after the stream started.</summary>
    public long LostFrames { get; private set; }

    /// <summary>Samples buffered ahead of the playout point.</summary>
    public int Depth => started ? (int)Math.Max(0, (int)(highestEnd - playout)) : 0;

    /// <summary>Stores decoded samples that start at RTP timestamp <paramref name="timestamp"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public InsertResult Insert(uint streamSsrc, uint timestamp, ReadOnlySpan<short> samples)
    {
        if (samples.IsEmpty || samples.Length > maxDepth)
        {
            return InsertResult.Rejected;
        }

        var result = InsertResult.Accepted;
        int offset = (int)(timestamp - playout);
        // A playout point that ran ahead of the stream (every packet late) would never catch up.
        if (!started || streamSsrc != ssrc || offset > maxDepth + Capacity / 4 || offset < -Capacity / 2
            || (offset < 0 && lateInRow + 1 >= ResyncAfterLate))
        {
            Restart(streamSsrc, timestamp);
            offset = targetDelay;
            result = InsertResult.Resynchronised;
        }
        else if (offset < 0)
        {
            LatePackets++;
            lateInRow++;
            return InsertResult.Late;
        }

        lateInRow = 0;

        uint end = timestamp + (uint)samples.Length;
        if ((int)(end - highestEnd) > 0)
        {
            highestEnd = end;
        }

        int start = (int)(timestamp & Mask);
        if (start + samples.Length <= Capacity)
        {
            samples.CopyTo(ring.AsSpan(start));
            filled.AsSpan(start, samples.Length).Fill(true);
        }
        else
        {
            for (int i = 0; i < samples.Length; i++)
            {
                int index = (int)((timestamp + (uint)i) & Mask);
                ring[index] = samples[i];
                filled[index] = true;
            }
        }

        if ((int)(highestEnd - playout) > maxDepth)
        {
            Skip((uint)((int)(highestEnd - playout) - targetDelay));
        }

        return result;
    }

    /// <summary>Plays the next frame into <paramref name="destination"/> (<see cref="AudioFrame.Samples"/> long).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public PlayoutKind Pop(Span<short> destination)
    {
        var frame = destination[..AudioFrame.Samples];
        if (!started)
        {
            frame.Clear();
            return PlayoutKind.Silence;
        }

        int present = Take(frame);

        playout += AudioFrame.Samples;
        if (present > 0)
        {
            prefill = false;
            concealedInRow = 0;
            frame.CopyTo(lastFrame);
            return PlayoutKind.Audio;
        }

        // Before the first frame plays, or long after the last packet (a pause), silence is not loss.
        if (prefill || (int)(playout - highestEnd) > IdleAfter)
        {
            return PlayoutKind.Silence;
        }

        LostFrames++;
        if (concealedInRow++ == 0)
        {
            for (int i = 0; i < AudioFrame.Samples; i++)
            {
                frame[i] = (short)(lastFrame[i] / 2);
            }

            return PlayoutKind.Concealed;
        }

        return PlayoutKind.Silence;
    }

    /// <summary>Moves the frame at the playout point into <paramref name="frame"/> (silence where nothing arrived); returns the samples present.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Take(Span<short> frame)
    {
        int start = (int)(playout & Mask);
        if (start + frame.Length <= Capacity)
        {
            // Whole frames present or absent (the usual cases) take one vectorised pass each.
            var present = filled.AsSpan(start, frame.Length);
            if (!present.Contains(false))
            {
                ring.AsSpan(start, frame.Length).CopyTo(frame);
                present.Clear();
                return frame.Length;
            }

            if (!present.Contains(true))
            {
                frame.Clear();
                return 0;
            }
        }

        int count = 0;
        for (int i = 0; i < frame.Length; i++)
        {
            int index = (int)((playout + (uint)i) & Mask);
            if (filled[index])
            {
                frame[i] = ring[index];
                filled[index] = false;
                count++;
            }
            else
            {
                frame[i] = 0;
            }
        }

        return count;
    }

    private void Restart(uint streamSsrc, uint timestamp)
    {
        Array.Clear(filled);
        ssrc = streamSsrc;
        playout = timestamp - (uint)targetDelay;
        highestEnd = timestamp;
        started = true;
        prefill = true;
        concealedInRow = 0;
        Array.Clear(lastFrame);
    }

    private void Skip(uint samples)
    {
        for (uint i = 0; i < samples; i++)
        {
            filled[(int)((playout + i) & Mask)] = false;
        }

        playout += samples;
    }
}
