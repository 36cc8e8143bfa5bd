namespace CallCluster.Sip.Transport;

/// <summary>Transport of a SIP hop (RFC 3261 section 18).</summary>
public enum SipTransportKind
{
    Udp,
    Tcp,
    Tls,
}

/// <summary>Properties of <see cref="SipTransportKind"/>.</summary>
public static class SipTransportKinds
{
    /// <summary>True for stream transports, which need Content-Length framing and keep connections.</summary>
    public static bool IsReliable(this SipTransportKind kind) => kind != SipTransportKind.Udp;

    /// <summary>5061 for TLS, 5060 otherwise (RFC 3261 section 19.1.2).</summary>
    public static int DefaultPort(this SipTransportKind kind) => kind == SipTransportKind.Tls ? 5061 : 5060;

    /// <summary>The Via transport token: "UDP", "TCP", "TLS".</summary>
    public static string ToViaToken(this SipTransportKind kind) => kind switch
    {
        SipTransportKind.Udp => "UDP",
        SipTransportKind.Tcp => "TCP",
        _ => "TLS",
    };

    /// <summary>Parses "udp", "tcp" or "tls", case-insensitively.</summary>
    public static bool TryParse(ReadOnlySpan<char> token, out SipTransportKind kind)
    {
        kind = SipTransportKind.Udp;
        if (token.Equals("udp", StringComparison.OrdinalIgnoreCase)) return true;
        kind = SipTransportKind.Tcp;
        if (token.Equals("tcp", StringComparison.OrdinalIgnoreCase)) return true;
        kind = SipTransportKind.Tls;
        return token.Equals("tls", StringComparison.OrdinalIgnoreCase);
    }
}
