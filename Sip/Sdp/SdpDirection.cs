namespace CallCluster.Sip.Sdp;

/// <summary>Media direction attributes (RFC 8866 section 6.7, RFC 3264 section 5.1).</summary>
public enum SdpDirection : byte
{
    /// <summary>a=sendrecv, the default.</summary>
    SendRecv = 0,

    /// <summary>a=sendonly.</summary>
    SendOnly,

    /// <summary>a=recvonly.</summary>
    RecvOnly,

    /// <summary>a=inactive.</summary>
    Inactive,
}

/// <summary>Attribute names, mirroring and intersection of <see cref="SdpDirection"/> values.</summary>
public static class SdpDirectionExtensions
{
    /// <summary>The attribute name ("sendrecv", ...).</summary>
    public static string ToAttributeName(this SdpDirection direction) => direction switch
    {
        SdpDirection.SendOnly => "sendonly",
        SdpDirection.RecvOnly => "recvonly",
        SdpDirection.Inactive => "inactive",
        _ => "sendrecv",
    };

    /// <summary>Parses an attribute name; false for anything else.</summary>
    public static bool TryParse(string name, out SdpDirection direction)
    {
        switch (name)
        {
            case "sendrecv": direction = SdpDirection.SendRecv; return true;
            case "sendonly": direction = SdpDirection.SendOnly; return true;
            case "recvonly": direction = SdpDirection.RecvOnly; return true;
            case "inactive": direction = SdpDirection.Inactive; return true;
            default: direction = SdpDirection.SendRecv; return false;
        }
    }

    /// <summary>The direction seen from the other side: sendonly and recvonly swap.</summary>
    public static SdpDirection Reverse(this SdpDirection direction) => direction switch
    {
        SdpDirection.SendOnly => SdpDirection.RecvOnly,
        SdpDirection.RecvOnly => SdpDirection.SendOnly,
        _ => direction,
    };

    /// <summary>True if media flows from this side.</summary>
    public static bool Sends(this SdpDirection direction) => direction is SdpDirection.SendRecv or SdpDirection.SendOnly;

    /// <summary>True if media flows to this side.</summary>
    public static bool Receives(this SdpDirection direction) => direction is SdpDirection.SendRecv or SdpDirection.RecvOnly;

    /// <summary>The direction allowing only what both allow.</summary>
    public static SdpDirection Intersect(this SdpDirection direction, SdpDirection other) =>
        FromFlags(direction.Sends() && other.Sends(), direction.Receives() && other.Receives());

    /// <summary>The direction from send and receive flags.</summary>
    public static SdpDirection FromFlags(bool sends, bool receives) => (sends, receives) switch
    {
        (true, true) => SdpDirection.SendRecv,
        (true, false) => SdpDirection.SendOnly,
        (false, true) => SdpDirection.RecvOnly,
        _ => SdpDirection.Inactive,
    };
}
