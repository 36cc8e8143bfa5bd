using CallCluster.Sip.Rtp;

namespace CallCluster.Sip.Sdp;

/// <summary>What this side accepts for one media type when answering (RFC 3264 section 6).</summary>
/// <param name="Media">"audio" or "video".</param>
/// <param name="Codecs">Acceptable codecs; the answer keeps the offer's order.</param>
public sealed record MediaCapability(string Media, ValueList<SdpCodec> Codecs)
{
    /// <summary>Accept telephone-event (RFC 4733) at the clock rate of a chosen codec.</summary>
    public bool TelephoneEvent { get; init; }

    /// <summary>The most this side is willing to do; the answer is the offer's mirror limited by this.</summary>
    public SdpDirection Direction { get; init; } = SdpDirection.SendRecv;

    /// <summary>Accept rtcp-mux when offered.</summary>
    public bool RtcpMux { get; init; } = true;

    /// <summary>RTCP feedback this side understands (format ignored), e.g. "nack pli" and "ccm fir".</summary>
    public ValueList<SdpRtcpFeedback> Feedback { get; init; }

    /// <summary>a=ptime to put in the answer, or null for none.</summary>
    public int? Ptime { get; init; }

    /// <summary>Answer with at most this many codecs (1 for a single codec), null for all common ones.</summary>
    public int? MaxCodecs { get; init; }

    /// <summary>Transport protocols accepted.</summary>
    public ValueList<string> Protocols { get; init; } = ["RTP/AVP", "RTP/AVPF"];

    /// <summary>G.711 audio (PCMU, PCMA) with telephone-event, 20 ms.</summary>
    public static MediaCapability G711Audio { get; } = new("audio", [SdpCodec.Pcmu, SdpCodec.Pcma]) { TelephoneEvent = true, Ptime = 20 };

    /// <summary>VP8 and H.264 video with PLI, FIR and NACK feedback.</summary>
    public static MediaCapability Video { get; } = new("video", [SdpCodec.Vp8, SdpCodec.H264])
    {
        Feedback = [new SdpRtcpFeedback("*", "nack"), new SdpRtcpFeedback("*", "nack", "pli"), new SdpRtcpFeedback("*", "ccm", "fir")],
    };
}
