namespace CallCluster.Sip.Sdp;

/// <summary>Why an answer does not fit its offer (RFC 3264 section 6).</summary>
public enum OfferAnswerError : byte
{
    /// <summary>The answer fits.</summary>
    None = 0,

    /// <summary>The answer has a different number of m= lines.</summary>
    MediaCountMismatch,

    /// <summary>An m= line of the answer has another media type than the offer's.</summary>
    MediaTypeMismatch,

    /// <summary>An accepted m= line of the answer names a payload type the offer did not offer.</summary>
    UnofferedFormat,
}
