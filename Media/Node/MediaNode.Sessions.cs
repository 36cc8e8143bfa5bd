using CallCluster.Actors.MediaProtocol;
using CallCluster.Actors.Serialization;
using CallCluster.Media.Mixing;
using CallCluster.Media.Streams;

namespace CallCluster.Media.Node;

public sealed partial class MediaNode
{
    /// <summary>Mixes the endpoints' audio per participant and routes video; replaces the session's mix or bridge.</summary>
    public ICallClusterMessage CreateMix(CreateMix command)
    {
        if (command.EndpointIds is not { Count: > 0 } ids || Resolve(command.SessionId, ids) is not { } members)
        {
            return new MediaCommandFailed(command.SessionId, "mix needs known endpoints of the session");
        }

        if (ResolveRoutes(command.SessionId, command.VideoRoutes ?? []) is not { } routes)
        {
            return new MediaCommandFailed(command.SessionId, "video route names an unknown endpoint or one without video");
        }

        var previous = sessions.GetValueOrDefault(command.SessionId);
        previous?.RetireAudio();
        var participants = members
            .Where(e => e.Audio is not null)
            .GroupBy(e => e.ParticipantId, StringComparer.Ordinal)
            .Select(g => new MixParticipant(g.Key, [.. g.Select(e => new MixInput(e.Audio!))]))
            .ToList();
        var mix = new AudioMix(++nextKey, command.SessionId, participants);
        mix.Attach();
        var loop = loops.MinBy(l => l.Assigned)!;
        loop.Add(mix);
        var video = VideoRouting.Apply(routes, previous?.Video ?? VideoRouting.Empty, time);
        sessions[command.SessionId] = SessionMedia.Mixing(command.SessionId, [.. members.Select(e => e.Id)], mix, loop, video);
        return new MixCreated(command.SessionId, [.. members.Select(e => e.Id)]);
    }

    /// <summary>Changes the video routing of the session's mix or bridge.</summary>
    public ICallClusterMessage SetVideoRoutes(SetVideoRoutes command)
    {
        if (!sessions.TryGetValue(command.SessionId, out var current))
        {
            return new MediaCommandFailed(command.SessionId, "session has no mix or bridge");
        }

        if (ResolveRoutes(command.SessionId, command.VideoRoutes ?? []) is not { } routes)
        {
            return new MediaCommandFailed(command.SessionId, "video route names an unknown endpoint or one without video");
        }

        sessions[command.SessionId] = current.WithVideo(VideoRouting.Apply(routes, current.Video, time));
        return new MixCreated(command.SessionId, current.EndpointIds);
    }

    /// <summary>
    /// Leg transfer: the mix becomes a bridge between two endpoints. Audio is forwarded undecoded
    /// (transcoded when the laws differ) and video goes each way; every receiver's stream continues.
    /// </summary>
    public ICallClusterMessage TransferToBridge(TransferToBridge command)
    {
        if (Resolve(command.SessionId, [command.EndpointIdA, command.EndpointIdB]) is not [var a, var b] || a == b)
        {
            return new MediaCommandFailed(command.SessionId, "bridge needs two distinct endpoints of the session");
        }

        var previous = sessions.GetValueOrDefault(command.SessionId);
        previous?.RetireAudio();
        var sinks = new List<(MediaStream, ForwardSink)>();
        bool transcoding = false;
        if (a.Audio is { } audioA && b.Audio is { } audioB)
        {
            var toB = new ForwardSink([audioB], time);
            var toA = new ForwardSink([audioA], time);
            audioB.Outbound.SetProducer(toB);
            audioA.Outbound.SetProducer(toA);
            audioA.Sink = toB;
            audioB.Sink = toA;
            sinks.Add((audioA, toB));
            sinks.Add((audioB, toA));
            transcoding = audioA.Settings.SendLaw != audioB.Settings.SendLaw;
        }

        var routes = new List<(MediaStream, MediaStream)>();
        if (a.Video is { } videoA && b.Video is { } videoB)
        {
            routes.Add((videoA, videoB));
            routes.Add((videoB, videoA));
        }

        var video = VideoRouting.Apply(routes, previous?.Video ?? VideoRouting.Empty, time);
        sessions[command.SessionId] = SessionMedia.Bridging(command.SessionId, [a.Id, b.Id], sinks, video, transcoding);
        return new BridgeCreated(command.SessionId, a.Id, b.Id, transcoding);
    }

    /// <summary>Releases one endpoint (idempotent); a mix it was in goes on without it, a bridge stops.</summary>
    public ICallClusterMessage Release(ReleaseEndpoint command)
    {
        if (Owned(command.SessionId, command.EndpointId) is { } endpoint)
        {
            if (sessions.TryGetValue(endpoint.SessionId, out var current) && current.EndpointIds.Contains(endpoint.Id))
            {
                var rest = current.EndpointIds.Where(id => id != endpoint.Id).ToList();
                StopSessionMedia(endpoint.SessionId);
                if (!current.IsBridge && rest.Count > 0)
                {
                    var routes = current.Video.SourceByReceiver
                        .Select(kv => (Receiver: EndpointOf(endpoint.SessionId, kv.Key), Source: EndpointOf(endpoint.SessionId, kv.Value)))
                        .Where(r => r.Receiver is not null && r.Source is not null && r.Receiver != endpoint && r.Source != endpoint)
                        .Select(r => new VideoRoute(r.Receiver!.Id, r.Source!.Id))
                        .ToList();
                    CreateMix(new CreateMix(endpoint.SessionId, rest, routes));
                }
            }

            RemoveEndpoint(endpoint);
        }

        return new EndpointReleased(command.SessionId, command.EndpointId);
    }

    /// <summary>Releases every endpoint, mix and bridge of the session (idempotent).</summary>
    public ICallClusterMessage Release(ReleaseSession command)
    {
        StopSessionMedia(command.SessionId);
        var owned = EndpointsOf(command.SessionId).ToList();
        foreach (var endpoint in owned)
        {
            RemoveEndpoint(endpoint);
        }

        return new SessionReleased(command.SessionId, owned.Count);
    }

    private void StopSessionMedia(string sessionId)
    {
        if (sessions.Remove(sessionId, out var current))
        {
            current.RetireAudio();
            current.Video.Retire();
        }
    }

    private MediaEndpoint? EndpointOf(string sessionId, MediaStream stream) =>
        EndpointsOf(sessionId).FirstOrDefault(e => e.Streams.Contains(stream));

    private List<MediaEndpoint>? Resolve(string sessionId, IEnumerable<string> ids)
    {
        var found = new List<MediaEndpoint>();
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            if (Owned(sessionId, id) is not { } endpoint)
            {
                return null;
            }

            found.Add(endpoint);
        }

        return found;
    }

    private List<(MediaStream Receiver, MediaStream Source)>? ResolveRoutes(string sessionId, IEnumerable<VideoRoute> routes)
    {
        var resolved = new List<(MediaStream, MediaStream)>();
        foreach (var route in routes)
        {
            if (route is null
                || Owned(sessionId, route.ReceiverEndpointId)?.Video is not { } receiver
                || Owned(sessionId, route.SourceEndpointId)?.Video is not { } source)
            {
                return null;
            }

            resolved.Add((receiver, source));
        }

        return resolved;
    }
}
