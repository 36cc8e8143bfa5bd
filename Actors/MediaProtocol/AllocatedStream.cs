namespace CallCluster.Actors.MediaProtocol;

/// <summary>
/// The ports of one allocated stream on the advertised address. With <paramref name="RtcpMux"/>
/// RTCP shares <paramref name="RtpPort"/> and <paramref name="RtcpPort"/> equals it.
/// </summary>
public sealed record AllocatedStream(MediaKind Kind, int RtpPort, int RtcpPort, bool RtcpMux);
