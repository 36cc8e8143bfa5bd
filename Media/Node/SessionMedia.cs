using CallCluster.Media.Mixing;
using CallCluster.Media.Streams;

namespace CallCluster.Media.Node;

/// <summary>
/// The current media arrangement of one session: a mix (audio on a mixing loop, video routed) or a
/// bridge (audio forwarded both ways, video routed both ways), never both. Control side only.
/// </summary>
public sealed class SessionMedia
{
    private SessionMedia(string sessionId, IReadOnlyList<string> endpointIds, AudioMix? mix, MixerLoop? loop, IReadOnlyList<(MediaStream Source, ForwardSink Sink)> bridge, VideoRouting video, bool transcoding)
    {
        SessionId = sessionId;
        EndpointIds = endpointIds;
        Mix = mix;
        Loop = loop;
        BridgeSinks = bridge;
        Video = video;
        Transcoding = transcoding;
    }

    /// <summary>The session.</summary>
    public string SessionId { get; }

    /// <summary>Endpoints taking part.</summary>
    public IReadOnlyList<string> EndpointIds { get; }

    /// <summary>The audio mix, when mixing.</summary>
    public AudioMix? Mix { get; }

    /// <summary>The loop running <see cref="Mix"/>.</summary>
    public MixerLoop? Loop { get; }

    /// <summary>The two audio directions, when bridged.</summary>
    public IReadOnlyList<(MediaStream Source, ForwardSink Sink)> BridgeSinks { get; }

    /// <summary>The video routing.</summary>
    public VideoRouting Video { get; }

    /// <summary>True when the bridge converts between mu-law and A-law.</summary>
    public bool Transcoding { get; }

    /// <summary>True when bridged.</summary>
    public bool IsBridge => Mix is null;

    /// <summary>A mix on <paramref name="loop"/>, already attached and handed to the loop.</summary>
    public static SessionMedia Mixing(string sessionId, IReadOnlyList<string> endpointIds, AudioMix mix, MixerLoop loop, VideoRouting video) =>
        new(sessionId, endpointIds, mix, loop, [], video, false);

    /// <summary>A bridge, already attached.</summary>
    public static SessionMedia Bridging(string sessionId, IReadOnlyList<string> endpointIds, IReadOnlyList<(MediaStream Source, ForwardSink Sink)> sinks, VideoRouting video, bool transcoding) =>
        new(sessionId, endpointIds, null, null, sinks, video, transcoding);

    /// <summary>The same arrangement with another video routing.</summary>
    public SessionMedia WithVideo(VideoRouting video) => new(SessionId, EndpointIds, Mix, Loop, BridgeSinks, video, Transcoding);

    /// <summary>Stops the audio part (mix leaves its loop, bridge stops forwarding); video is left as is.</summary>
    public void RetireAudio()
    {
        if (Mix is not null)
        {
            Mix.Detach();
            Loop!.Remove(Mix);
        }

        foreach (var (source, sink) in BridgeSinks)
        {
            if (ReferenceEquals(source.Sink, sink))
            {
                source.Sink = null;
            }

            foreach (var target in sink.Targets)
            {
                target.Outbound.ClearProducer(sink);
            }
        }
    }
}
