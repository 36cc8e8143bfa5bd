namespace CallCluster.Terminal;

/// <summary>A snapshot of one media stream of a call.</summary>
/// <param name="Media">"audio" or "video".</param>
/// <param name="Codec">Negotiated encoding name.</param>
/// <param name="LocalPort">Local RTP port (RTCP is multiplexed on it).</param>
/// <param name="Remote">Where RTP is sent, "ip:port", or null.</param>
/// <param name="PacketsSent">RTP packets sent.</param>
/// <param name="PacketsReceived">RTP packets received.</param>
/// <param name="PacketsLost">Packets lost, from sequence numbers (RFC 3550 A.3).</param>
/// <param name="JitterMs">Interarrival jitter (RFC 3550 A.8) in milliseconds.</param>
/// <param name="KeyFramesSent">Video key frames sent.</param>
/// <param name="KeyFramesReceived">Video key frames received.</param>
/// <param name="KeyFrameRequests">PLI/FIR received (each answered with a key frame).</param>
/// <param name="RtcpSent">RTCP compounds sent.</param>
/// <param name="RtcpReceived">RTCP compounds received.</param>
/// <param name="Tones">Tone frequencies (Hz) detected in the received audio.</param>
/// <param name="CurrentTones">Tones (Hz) heard now: present in at least three of the last ten analysis windows (about the last second).</param>
public sealed record StreamStats(
    string Media,
    string Codec,
    int LocalPort,
    string? Remote,
    long PacketsSent,
    long PacketsReceived,
    long PacketsLost,
    double JitterMs,
    long KeyFramesSent,
    long KeyFramesReceived,
    long KeyFrameRequests,
    long RtcpSent,
    long RtcpReceived,
    IReadOnlyList<int> Tones,
    IReadOnlyList<int> CurrentTones);

/// <summary>A snapshot of one call.</summary>
/// <param name="CallId">The SIP Call-ID.</param>
/// <param name="Direction">"outgoing" or "incoming".</param>
/// <param name="Peer">The remote party's URI.</param>
/// <param name="State">calling, ringing, established, ended.</param>
/// <param name="Streams">Media streams.</param>
public sealed record CallStats(string CallId, string Direction, string Peer, string State, IReadOnlyList<StreamStats> Streams);

/// <summary>A snapshot of the whole agent.</summary>
/// <param name="User">The agent's user.</param>
/// <param name="Registered">True while a registration is held.</param>
/// <param name="Calls">Live calls.</param>
public sealed record TerminalStats(string User, bool Registered, IReadOnlyList<CallStats> Calls);
