namespace CallCluster.Actors.MediaProtocol;

/// <summary>
/// What the peer's SDP says for one stream: where it receives RTP and RTCP, the negotiated codecs
/// (first is the one sent), and its direction. <paramref name="RemoteAddress"/> may be empty
/// (or the port 0) when the peer is behind NAT and only symmetric RTP will find it.
/// </summary>
public sealed record StreamConfiguration(
    MediaKind Kind,
    string RemoteAddress,
    int RemoteRtpPort,
    int RemoteRtcpPort,
    IReadOnlyList<CodecSpec> Codecs,
    MediaDirection Direction = MediaDirection.SendRecv,
    bool RtcpMux = false);
