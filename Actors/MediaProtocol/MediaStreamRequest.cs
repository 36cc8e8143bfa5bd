namespace CallCluster.Actors.MediaProtocol;

/// <summary>One stream an endpoint should carry, with the codecs the session prefers, best first.</summary>
public sealed record MediaStreamRequest(MediaKind Kind, IReadOnlyList<CodecSpec> CodecPreferences, bool RtcpMux = false);
