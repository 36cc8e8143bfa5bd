using CallCluster.Media.Streams;

namespace CallCluster.Media.Node;

/// <summary>
/// Who receives whose video in one session: each source stream fans out to its receivers through
/// one <see cref="ForwardSink"/>. Applying a new routing re-points receivers atomically, sends a
/// PLI to a receiver's new source (so it gets a keyframe at once), and points each receiver's
/// keyframe requests at its current source.
/// </summary>
public sealed class VideoRouting
{
    private readonly Dictionary<MediaStream, MediaStream> sourceByReceiver;
    private readonly Dictionary<MediaStream, ForwardSink> sinks;

    private VideoRouting(Dictionary<MediaStream, MediaStream> sourceByReceiver, Dictionary<MediaStream, ForwardSink> sinks)
    {
        this.sourceByReceiver = sourceByReceiver;
        this.sinks = sinks;
    }

    /// <summary>No video routed.</summary>
    public static VideoRouting Empty { get; } = new([], []);

    /// <summary>Receiver to source pairs.</summary>
    public IReadOnlyDictionary<MediaStream, MediaStream> SourceByReceiver => sourceByReceiver;

    /// <summary>
    /// Installs <paramref name="routes"/> (receiver, source), replacing <paramref name="previous"/>.
    /// A receiver listed twice keeps its first source; a stream never receives itself.
    /// </summary>
    public static VideoRouting Apply(IEnumerable<(MediaStream Receiver, MediaStream Source)> routes, VideoRouting previous, TimeProvider time)
    {
        var bySource = new Dictionary<MediaStream, List<MediaStream>>();
        var sourceByReceiver = new Dictionary<MediaStream, MediaStream>();
        foreach (var (receiver, source) in routes)
        {
            if (ReferenceEquals(receiver, source) || !sourceByReceiver.TryAdd(receiver, source))
            {
                continue;
            }

            if (!bySource.TryGetValue(source, out var list))
            {
                bySource[source] = list = [];
            }

            list.Add(receiver);
        }

        var sinks = bySource.ToDictionary(kv => kv.Key, kv => new ForwardSink(kv.Value, time));
        foreach (var (source, sink) in sinks)
        {
            source.Sink = sink;
        }

        foreach (var (receiver, source) in sourceByReceiver)
        {
            receiver.Outbound.SetProducer(sinks[source]);
            receiver.FeedbackTarget = source;
            if (!previous.sourceByReceiver.TryGetValue(receiver, out var old) || !ReferenceEquals(old, source))
            {
                source.RequestKeyframe(KeyframeRequest.Pli);
            }
        }

        previous.Retire(keepSources: sinks.Keys, keepReceivers: sourceByReceiver.Keys);
        return new VideoRouting(sourceByReceiver, sinks);
    }

    /// <summary>Stops all forwarding of this routing.</summary>
    public void Retire() => Retire([], []);

    private void Retire(IEnumerable<MediaStream> keepSources, IEnumerable<MediaStream> keepReceivers)
    {
        var keptSources = keepSources.ToHashSet();
        var keptReceivers = keepReceivers.ToHashSet();
        foreach (var (source, sink) in sinks)
        {
            if (!keptSources.Contains(source) && ReferenceEquals(source.Sink, sink))
            {
                source.Sink = null;
            }
        }

        foreach (var (receiver, source) in sourceByReceiver)
        {
            if (!keptReceivers.Contains(receiver))
            {
                receiver.Outbound.ClearProducer(sinks[source]);
                if (ReferenceEquals(receiver.FeedbackTarget, source))
                {
                    receiver.FeedbackTarget = null;
                }
            }
        }
    }
}
