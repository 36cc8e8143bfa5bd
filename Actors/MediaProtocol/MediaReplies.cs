using CallCluster.Actors.Serialization;

namespace CallCluster.Actors.MediaProtocol;

/// <summary>An endpoint is ready: put <paramref name="AdvertisedAddress"/> and the ports in the SDP sent to the leg.</summary>
public sealed record EndpointAllocated(
    string SessionId,
    string LegId,
    string EndpointId,
    string AdvertisedAddress,
    IReadOnlyList<AllocatedStream> Streams) : ICallClusterMessage;

/// <summary>No endpoint was allocated (ports exhausted, bad request); nothing is held.</summary>
public sealed record AllocationFailed(string SessionId, string LegId, string Reason) : ICallClusterMessage;

/// <summary>The peer's SDP was applied to the endpoint.</summary>
public sealed record EndpointConfigured(string SessionId, string EndpointId) : ICallClusterMessage;

/// <summary>The session's audio is mixed and its video routed.</summary>
public sealed record MixCreated(string SessionId, IReadOnlyList<string> EndpointIds) : ICallClusterMessage;

/// <summary>The session's two remaining endpoints forward to each other.</summary>
public sealed record BridgeCreated(string SessionId, string EndpointIdA, string EndpointIdB, bool Transcoding) : ICallClusterMessage;

/// <summary>The endpoint is gone (also when it was unknown: release is idempotent).</summary>
public sealed record EndpointReleased(string SessionId, string EndpointId) : ICallClusterMessage;

/// <summary>Everything of the session is released; <paramref name="EndpointCount"/> endpoints were freed.</summary>
public sealed record SessionReleased(string SessionId, int EndpointCount) : ICallClusterMessage;

/// <summary>A command was refused; nothing changed.</summary>
public sealed record MediaCommandFailed(string SessionId, string Reason) : ICallClusterMessage;

/// <summary>
/// Told to whoever allocated the endpoint when no RTP or RTCP arrived on it for the configured
/// dead-media timeout (a terminal gone silently). Sent once per silence.
/// </summary>
public sealed record EndpointDead(string EndpointId, string SessionId, string LegId) : ICallClusterMessage;
