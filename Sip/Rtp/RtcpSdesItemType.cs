namespace CallCluster.Sip.Rtp;

/// <summary>SDES item types (RFC 3550 sections 6.5.1-6.5.8).</summary>
public enum RtcpSdesItemType : byte
{
    /// <summary>Canonical end-point identifier.</summary>
    CName = 1,

    /// <summary>User name.</summary>
    Name = 2,

    /// <summary>Electronic mail address.</summary>
    Email = 3,

    /// <summary>Phone number.</summary>
    Phone = 4,

    /// <summary>Geographic user location.</summary>
    Location = 5,

    /// <summary>Application or tool name.</summary>
    Tool = 6,

    /// <summary>Notice/status.</summary>
    Note = 7,

    /// <summary>Private extensions (prefix length, prefix and value kept together in the text).</summary>
    Private = 8,
}
