using Akka.Routing;
using CallCluster.Actors.Serialization;

namespace CallCluster.Actors.MediaProtocol;

/// <summary>
/// A command to a media node's <c>MediaManager</c>; every one names its session. A session's
/// endpoints, mix and bridge live on one node: send follow-up commands to the actor that answered
/// the allocation (the reply's sender), or route by <see cref="IConsistentHashable"/> (the session id).
/// </summary>
public interface IMediaCommand : ICallClusterMessage, IConsistentHashable
{
    string SessionId { get; }

    object IConsistentHashable.ConsistentHashKey => SessionId;
}

/// <summary>
/// Allocates one endpoint (the ports of one leg) for a participant of a session. Endpoints with
/// the same <paramref name="ParticipantId"/> are one participant in a mix (the mobile's two
/// dialogs): it never hears itself. Repeating the request for the same session and leg returns
/// the endpoint already allocated. Replies <see cref="EndpointAllocated"/> or <see cref="AllocationFailed"/>.
/// </summary>
public sealed record AllocateEndpoint(
    string SessionId,
    string LegId,
    string ParticipantId,
    IReadOnlyList<MediaStreamRequest> Streams) : IMediaCommand;

/// <summary>
/// Applies the peer's SDP to an endpoint (again on every re-INVITE). Replies
/// <see cref="EndpointConfigured"/> or <see cref="MediaCommandFailed"/>.
/// </summary>
public sealed record ConfigureEndpoint(
    string SessionId,
    string EndpointId,
    IReadOnlyList<StreamConfiguration> Streams) : IMediaCommand;

/// <summary>
/// Mixes the audio of the endpoints (N-1, per participant) and forwards video along
/// <paramref name="VideoRoutes"/>. Replaces an earlier mix or bridge of the session. Replies
/// <see cref="MixCreated"/> or <see cref="MediaCommandFailed"/>.
/// </summary>
public sealed record CreateMix(
    string SessionId,
    IReadOnlyList<string> EndpointIds,
    IReadOnlyList<VideoRoute> VideoRoutes) : IMediaCommand;

/// <summary>Changes who receives whose video in the session's mix. Replies <see cref="MixCreated"/>.</summary>
public sealed record SetVideoRoutes(string SessionId, IReadOnlyList<VideoRoute> VideoRoutes) : IMediaCommand;

/// <summary>
/// Leg transfer: turns the session's mix into a bridge between the two remaining endpoints, with
/// no renegotiation. Replies <see cref="BridgeCreated"/> or <see cref="MediaCommandFailed"/>.
/// </summary>
public sealed record TransferToBridge(string SessionId, string EndpointIdA, string EndpointIdB) : IMediaCommand;

/// <summary>Releases one endpoint and its ports. Replies <see cref="EndpointReleased"/>.</summary>
public sealed record ReleaseEndpoint(string SessionId, string EndpointId) : IMediaCommand;

/// <summary>Releases every endpoint, mix and bridge of a session. Replies <see cref="SessionReleased"/>.</summary>
public sealed record ReleaseSession(string SessionId) : IMediaCommand;
