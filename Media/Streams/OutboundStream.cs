using System.Runtime.CompilerServices;
using CallCluster.Sip.Rtp;

namespace CallCluster.Media.Streams;

/// <summary>
/// What one endpoint sends to its peer on one stream: a single <see cref="StreamRewriter"/> and the
/// one producer allowed to feed it (a mix, a bridge direction, a video source). Changing the
/// producer is atomic with respect to sends, so a retired producer's last packet can never
/// interleave with the new one's: each receiver sees one stream, in order, without gaps beyond loss.
/// </summary>
public sealed class OutboundStream
{
    private readonly Lock gate = new();
    private readonly StreamRewriter rewriter;
    private object? producer;

    /// <summary>Creates the outbound side with its own SSRC and random-looking start values.</summary>
    public OutboundStream(uint ssrc, int clockRate, uint minimumStep, ushort initialSequence, uint initialTimestamp)
    {
        rewriter = new StreamRewriter(ssrc, clockRate, minimumStep, initialSequence, initialTimestamp);
    }

    /// <summary>The SSRC the peer sees.</summary>
    public uint Ssrc => rewriter.OutputSsrc;

    /// <summary>The producer currently allowed to send, if any.</summary>
    public object? Producer
    {
        get
        {
            lock (gate)
            {
                return producer;
            }
        }
    }

    /// <summary>Makes <paramref name="newProducer"/> the only sender (null: nobody); returns true if it changed.</summary>
    public bool SetProducer(object? newProducer)
    {
        lock (gate)
        {
            bool changed = !ReferenceEquals(producer, newProducer);
            producer = newProducer;
            return changed;
        }
    }

    /// <summary>Clears the producer only if it is <paramref name="expected"/>.</summary>
    public void ClearProducer(object expected)
    {
        lock (gate)
        {
            if (ReferenceEquals(producer, expected))
            {
                producer = null;
            }
        }
    }

    /// <summary>
    /// Rewrites SSRC, sequence number and timestamp of <paramref name="packet"/> in place when
    /// <paramref name="sender"/> is the current producer; false (packet untouched) otherwise.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryRewrite(object sender, int sourceKey, Span<byte> packet, uint ssrc, ushort sequenceNumber, uint timestamp, TimeSpan now, out bool sourceChanged)
    {
        RewrittenIds ids;
        lock (gate)
        {
            if (!ReferenceEquals(producer, sender))
            {
                sourceChanged = false;
                return false;
            }

            ids = rewriter.Rewrite(sourceKey, ssrc, sequenceNumber, timestamp, now);
        }

        sourceChanged = ids.SourceChanged;
        return RtpRewrite.SetStream(packet, ids.Ssrc, ids.SequenceNumber, ids.Timestamp);
    }
}
