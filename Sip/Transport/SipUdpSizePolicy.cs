namespace CallCluster.Sip.Transport;

/// <summary>
/// RFC 3261 section 18.1.1: a request within 200 bytes of the path MTU, or larger than 1300 bytes
/// when the MTU is unknown, must go over a congestion-controlled transport such as TCP.
/// Responses are not moved (section 18.2.2 follows the request's transport).
/// </summary>
public static class SipUdpSizePolicy
{
    /// <summary>Largest request sent over UDP when the path MTU is unknown.</summary>
    public const int UnknownMtuLimit = 1300;

    /// <summary>Margin below the path MTU a UDP request must keep.</summary>
    public const int MtuMargin = 200;

    /// <summary>True when a request of <paramref name="requestLength"/> bytes must not use UDP.</summary>
    public static bool RequiresStreamTransport(int requestLength, int? pathMtu = null) =>
        pathMtu is { } mtu ? requestLength > mtu - MtuMargin : requestLength > UnknownMtuLimit;

    /// <summary>The transport to use for a request the route says should go over UDP.</summary>
    public static SipTransportKind Choose(SipTransportKind planned, int requestLength, int? pathMtu = null) =>
        planned == SipTransportKind.Udp && RequiresStreamTransport(requestLength, pathMtu) ? SipTransportKind.Tcp : planned;
}
