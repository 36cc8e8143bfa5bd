namespace CallCluster.Media.Streams;

/// <summary>A receiver's request for a video keyframe.</summary>
public enum KeyframeRequest
{
    /// <summary>RTCP PLI, RFC 4585 section 6.3.1.</summary>
    Pli = 0,

    /// <summary>RTCP FIR, RFC 5104 section 4.3.1.</summary>
    Fir = 1,
}
