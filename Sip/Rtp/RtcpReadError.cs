namespace CallCluster.Sip.Rtp;

/// <summary>Every reason an RTCP packet or compound datagram is rejected.</summary>
public enum RtcpReadError : byte
{
    /// <summary>The packet was read.</summary>
    None = 0,

    /// <summary>Fewer than the 4 bytes of the common header.</summary>
    TooShortForHeader,

    /// <summary>The version field is not 2.</summary>
    UnsupportedVersion,

    /// <summary>The length field points past the end of the datagram.</summary>
    LengthBeyondDatagram,

    /// <summary>The P bit is set but the padding count is zero or larger than the body.</summary>
    InvalidPadding,

    /// <summary>The body is shorter than the fields its type and count require.</summary>
    TruncatedBody,

    /// <summary>An SDES chunk or item runs past the packet, or a chunk lacks its terminating null item.</summary>
    InvalidSourceDescription,

    /// <summary>A BYE reason runs past the packet.</summary>
    InvalidGoodbyeReason,

    /// <summary>The datagram holds no RTCP packet.</summary>
    Empty,
}
