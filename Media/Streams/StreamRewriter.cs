using System.Runtime.CompilerServices;

namespace CallCluster.Media.Streams;

/// <summary>
/// Keeps what one receiver sees as one continuous RTP stream while its source changes (mixer
/// output, then a forwarded peer; one peer's video, then another's). The receiver sees a single
/// SSRC; within one source, sequence numbers and timestamps keep their original spacing (so loss
/// and reordering stay visible as they were); at a source change the sequence number continues at
/// the highest one sent plus one and the timestamp advances by the wall-clock time since the last
/// packet (at least <c>minimumStep</c>). Pure: time is passed in.
/// </summary>
public sealed class StreamRewriter
{
    private readonly int clockRate;
    private readonly uint minimumStep;
    private int sourceKey;
    private uint sourceSsrc;
    private ushort sequenceOffset;
    private uint timestampOffset;
    private ushort highestSequence;
    private uint highestTimestamp;
    private TimeSpan lastOutputAt;

    /// <summary>Creates the rewriter of one outbound stream.</summary>
    /// <param name="outputSsrc">The SSRC the receiver sees.</param>
    /// <param name="clockRate">RTP clock rate (8000 audio, 90000 video).</param>
    /// <param name="minimumStep">Least timestamp advance at a source change (160 for 20 ms audio).</param>
    /// <param name="initialSequence">Sequence number of the first packet sent.</param>
    /// <param name="initialTimestamp">Timestamp of the first packet sent.</param>
    public StreamRewriter(uint outputSsrc, int clockRate, uint minimumStep, ushort initialSequence, uint initialTimestamp)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(clockRate, 1);
        OutputSsrc = outputSsrc;
        this.clockRate = clockRate;
        this.minimumStep = Math.Max(1, minimumStep);
        highestSequence = (ushort)(initialSequence - 1);
        highestTimestamp = initialTimestamp - this.minimumStep;
    }

    /// <summary>The SSRC the receiver sees.</summary>
    public uint OutputSsrc { get; }

    /// <summary>True once a packet went out.</summary>
    public bool Started { get; private set; }

    /// <summary>Highest sequence number sent.</summary>
    public ushort HighestSequence => highestSequence;

    /// <summary>Source changes seen (the first packet counts as one).</summary>
    public int SourceChanges { get; private set; }

    /// <summary>
    /// Maps one packet of <paramref name="source"/> (any caller-chosen key: the producing endpoint or
    /// mixer) with the given identifiers, at monotonic time <paramref name="now"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public RewrittenIds Rewrite(int source, uint ssrc, ushort sequenceNumber, uint timestamp, TimeSpan now)
    {
        bool changed = !Started || source != sourceKey || ssrc != sourceSsrc;
        if (changed)
        {
            long elapsed = Started ? (long)((now - lastOutputAt).TotalSeconds * clockRate) : 0;
            uint step = (uint)Math.Clamp(elapsed, minimumStep, int.MaxValue / 2);
            sequenceOffset = (ushort)(highestSequence + 1 - sequenceNumber);
            timestampOffset = highestTimestamp + step - timestamp;
            sourceKey = source;
            sourceSsrc = ssrc;
            SourceChanges++;
        }

        ushort outSequence = (ushort)(sequenceNumber + sequenceOffset);
        uint outTimestamp = timestamp + timestampOffset;
        if (changed || (short)(outSequence - highestSequence) > 0)
        {
            highestSequence = outSequence;
        }

        if (changed || (int)(outTimestamp - highestTimestamp) > 0)
        {
            highestTimestamp = outTimestamp;
        }

        Started = true;
        lastOutputAt = now;
        return new RewrittenIds(OutputSsrc, outSequence, outTimestamp, changed);
    }
}
