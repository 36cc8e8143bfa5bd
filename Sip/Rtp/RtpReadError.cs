namespace CallCluster.Sip.Rtp;

/// <summary>Every reason an RTP packet is rejected by <see cref="RtpHeader.TryRead(ReadOnlySpan{byte}, out RtpHeader, out int, out RtpReadError)"/>.</summary>
public enum RtpReadError : byte
{
    /// <summary>The packet was read.</summary>
    None = 0,

    /// <summary>Fewer than the 12 bytes of the fixed header.</summary>
    TooShortForFixedHeader,

    /// <summary>The version field is not 2.</summary>
    UnsupportedVersion,

    /// <summary>The CSRC count announces more identifiers than the packet holds.</summary>
    TruncatedCsrcList,

    /// <summary>The X bit is set but the extension header or its data is cut short.</summary>
    TruncatedExtension,

    /// <summary>The P bit is set but the padding count is zero or larger than the bytes after the header.</summary>
    InvalidPadding,
}
