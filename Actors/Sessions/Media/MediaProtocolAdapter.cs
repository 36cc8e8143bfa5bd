using CallCluster.Actors.MediaProtocol;
using static CallCluster.Actors.Sessions.SessionCommands;
using static CallCluster.Actors.Sessions.SessionEffects;

namespace CallCluster.Actors.Sessions.Media;

/// <summary>
/// The adapter for <c>CallCluster.Actors.MediaProtocol</c> (the media manager's commands and
/// replies). The node to avoid on re-allocation is not expressible in that protocol: where a
/// command goes is the session's <see cref="MediaPlacement"/>, and for a first allocation the
/// media role's router.
/// </summary>
public sealed class MediaProtocolAdapter(TimeProvider? clock = null) : ISessionMediaAdapter
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public object? ToMedia(IMediaEffect effect, SessionState state) => effect switch
    {
        AllocateMedia a => new AllocateEndpoint(a.SessionId.Value, a.LegId.Value, a.ParticipantId, SessionSdp.StreamsFor(a.RemoteSdp)),
        ConfigureMedia c => SessionSdp.Configure(c.RemoteSdp) is { Count: > 0 } streams
            ? new ConfigureEndpoint(c.SessionId.Value, c.EndpointId, streams)
            : null,
        MixMedia m => new CreateMix(m.SessionId.Value, m.EndpointIds, m.VideoRoutes),
        TransferMediaToBridge t => new TransferToBridge(t.SessionId.Value, t.EndpointIdA, t.EndpointIdB),
        ReleaseMedia r => new ReleaseEndpoint(r.SessionId.Value, r.EndpointId),
        ReleaseSessionMedia r => new ReleaseSession(r.SessionId.Value),
        _ => null,
    };

    public ISessionCommand? FromMedia(object message, SessionState state, string mediaNode) => message switch
    {
        EndpointAllocated e when e.SessionId == state.Id.Value => new MediaEndpointReady(
            state.Id,
            new LegId(e.LegId),
            mediaNode,
            e.EndpointId,
            SessionSdp.Render(e, state.Leg(new LegId(e.LegId))?.RemoteSdp, _clock.GetUtcNow().ToUnixTimeSeconds())),
        AllocationFailed f when f.SessionId == state.Id.Value => new MediaAllocationFailed(state.Id, new LegId(f.LegId), f.Reason),
        EndpointDead d when d.SessionId == state.Id.Value => new MediaEndpointDead(state.Id, d.EndpointId),
        _ => null,
    };
}
