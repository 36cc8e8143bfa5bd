using CallCluster.Sip.Rtp;

namespace CallCluster.Sip.Sdp;

/// <summary>The answer and what it agreed per m= line.</summary>
public sealed record OfferAnswerResult(SessionDescription Answer, ValueList<NegotiatedMedia> Media)
{
    /// <summary>True if at least one m= line was accepted (otherwise a 488 is the usual reply).</summary>
    public bool AnyAccepted => Media.Any(m => m.Accepted);
}
