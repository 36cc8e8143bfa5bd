namespace CallCluster.Sip.Rtp.Payloads;

/// <summary>What <see cref="H264Depacketizer.Push"/> did with a payload.</summary>
public enum H264DepacketizeResult : byte
{
    /// <summary>A fragment was stored; the NAL unit is not complete yet.</summary>
    NeedMore = 0,

    /// <summary>One or more NAL units are complete; read them with <see cref="H264Depacketizer.TakeNalUnits"/>.</summary>
    Complete,

    /// <summary>The payload was dropped: malformed, unsupported, out of order, or the unit grew past the limit.</summary>
    Dropped,
}
