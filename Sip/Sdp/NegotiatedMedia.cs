using CallCluster.Sip.Rtp;

namespace CallCluster.Sip.Sdp;

/// <summary>
/// The outcome of offer/answer for one m= line, from this side's point of view: what to send,
/// where to send it, and in which direction.
/// </summary>
public sealed record NegotiatedMedia
{
    /// <summary>Position of the m= line.</summary>
    public required int Index { get; init; }

    /// <summary>"audio", "video", ...</summary>
    public required string Media { get; init; }

    /// <summary>False if the line was rejected (port 0).</summary>
    public required bool Accepted { get; init; }

    /// <summary>The codecs agreed, in preference order (first is the one to send); telephone-event excluded.</summary>
    public ValueList<RtpMap> Codecs { get; init; }

    /// <summary>fmtp of the agreed codecs.</summary>
    public ValueList<SdpFmtp> Fmtps { get; init; }

    /// <summary>Payload type of telephone-event, or null.</summary>
    public int? TelephoneEventPayloadType { get; init; }

    /// <summary>Direction from this side: SendOnly means this side sends and does not receive.</summary>
    public SdpDirection Direction { get; init; }

    /// <summary>RTP and RTCP share one port.</summary>
    public bool RtcpMux { get; init; }

    /// <summary>RTCP feedback both sides agreed on.</summary>
    public ValueList<SdpRtcpFeedback> Feedback { get; init; }

    /// <summary>Packetisation time in ms the peer asked for, or null.</summary>
    public int? Ptime { get; init; }

    /// <summary>Where the peer receives RTP (its effective c= address), or null.</summary>
    public string? RemoteAddress { get; init; }

    /// <summary>The peer's RTP port.</summary>
    public int RemotePort { get; init; }

    /// <summary>Where the peer receives RTCP.</summary>
    public string? RemoteRtcpAddress { get; init; }

    /// <summary>The peer's RTCP port (the RTP port under rtcp-mux, a=rtcp if given, else RTP port + 1).</summary>
    public int RemoteRtcpPort { get; init; }

    /// <summary>True if the peer's address is the RFC 2543 hold address 0.0.0.0 or its direction keeps it from receiving.</summary>
    public bool RemoteHeld { get; init; }
}
