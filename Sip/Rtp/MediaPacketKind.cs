namespace CallCluster.Sip.Rtp;

/// <summary>What a datagram on a shared media port is.</summary>
public enum MediaPacketKind : byte
{
    /// <summary>Not recognisable as any of the others (too short or unknown first byte).</summary>
    Unknown = 0,

    /// <summary>RTP.</summary>
    Rtp,

    /// <summary>RTCP.</summary>
    Rtcp,

    /// <summary>STUN (first byte 0-3, RFC 7983).</summary>
    Stun,

    /// <summary>DTLS (first byte 20-63, RFC 7983).</summary>
    Dtls,
}
