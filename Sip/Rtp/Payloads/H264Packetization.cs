namespace CallCluster.Sip.Rtp.Payloads;

/// <summary>How an H.264 RTP payload carries NAL units (RFC 6184 section 5.4).</summary>
public enum H264Packetization : byte
{
    /// <summary>Empty payload, forbidden bit set, or a type this stack does not read (STAP-B, MTAP, FU-B, reserved).</summary>
    Unsupported = 0,

    /// <summary>One NAL unit (types 1-23).</summary>
    SingleNal,

    /// <summary>Single-time aggregation packet (type 24).</summary>
    StapA,

    /// <summary>Fragmentation unit (type 28).</summary>
    FuA,
}

