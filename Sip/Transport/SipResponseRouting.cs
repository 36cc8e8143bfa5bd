using System.Net;

namespace CallCluster.Sip.Transport;

/// <summary>The addressing parts of a Via header value that decide where responses go.</summary>
/// <param name="SentByHost">Host of sent-by: a name, an IPv4 address or an IPv6 reference (brackets allowed).</param>
/// <param name="SentByPort">Port of sent-by, null when absent.</param>
/// <param name="Received">The received parameter, null when absent.</param>
/// <param name="HasRport">True when an rport parameter is present (with or without value).</param>
/// <param name="Rport">The rport value, null when absent or empty.</param>
/// <param name="Maddr">The maddr parameter, null when absent.</param>
public sealed record SipViaAddress(
    SipTransportKind Transport,
    string SentByHost,
    int? SentByPort,
    string? Received = null,
    bool HasRport = false,
    int? Rport = null,
    string? Maddr = null);

/// <summary>
/// Where to send a response. <see cref="ConnectionId"/> (0 for none) names the connection the
/// request came on; use it while it is open, else send to <see cref="Host"/>:<see cref="Port"/>.
/// <see cref="Host"/> is an IP literal or a name still to be resolved (RFC 3263 section 5).
/// </summary>
public sealed record SipResponseTarget(SipTransportKind Transport, string Host, int Port, long ConnectionId)
{
    /// <summary>The destination as an endpoint when <see cref="Host"/> is an IP literal.</summary>
    public bool TryGetEndPoint(out IPEndPoint? endPoint)
    {
        endPoint = null;
        if (!SipResponseRouting.TryParseAddress(Host, out var address)) return false;
        endPoint = new IPEndPoint(address!, Port);
        return true;
    }
}

/// <summary>
/// Response routing of RFC 3261 sections 18.2.1 and 18.2.2 with the symmetric response routing
/// of RFC 3581: stamping received/rport on the top Via of an inbound request, and choosing the
/// destination of a response from that Via and the connection the request used.
/// </summary>
public static class SipResponseRouting
{
    /// <summary>
    /// The top Via as the server transport must leave it (18.2.1, RFC 3581 section 4): received is
    /// added when sent-by is a name or differs from the source address, or when rport was requested;
    /// an empty rport gets the source port. Returns the same instance when nothing changes.
    /// </summary>
    public static SipViaAddress Stamp(SipViaAddress topVia, IPEndPoint source)
    {
        var address = Normalize(source.Address);
        var sentByMatches = TryParseAddress(topVia.SentByHost, out var sentBy) && Normalize(sentBy!).Equals(address);
        var received = topVia.Received;
        if (!sentByMatches || topVia.HasRport) received = address.ToString();
        var rport = topVia.HasRport && topVia.Rport is null ? source.Port : topVia.Rport;
        return received == topVia.Received && rport == topVia.Rport ? topVia : topVia with { Received = received, Rport = rport };
    }

    /// <summary>True when <see cref="Stamp"/> would change the Via.</summary>
    public static bool NeedsStamp(SipViaAddress topVia, IPEndPoint source) => !ReferenceEquals(Stamp(topVia, source), topVia);

    /// <summary>
    /// Destination of a response whose top Via is <paramref name="topVia"/> (already stamped),
    /// for a request that arrived on <paramref name="connectionId"/> (0 for UDP).
    /// </summary>
    public static SipResponseTarget ForResponse(SipViaAddress topVia, long connectionId)
    {
        var kind = topVia.Transport;
        var sentByPort = topVia.SentByPort ?? kind.DefaultPort();
        if (kind.IsReliable())
        {
            var host = topVia.Received ?? topVia.SentByHost;
            return new SipResponseTarget(kind, Unbracket(host), sentByPort, connectionId);
        }
        if (topVia.Maddr is { Length: > 0 } maddr)
            return new SipResponseTarget(kind, Unbracket(maddr), sentByPort, 0);
        if (topVia.Received is { Length: > 0 } received)
            return new SipResponseTarget(kind, Unbracket(received), topVia.HasRport && topVia.Rport is { } rport ? rport : sentByPort, 0);
        return new SipResponseTarget(kind, Unbracket(topVia.SentByHost), sentByPort, 0);
    }

    /// <summary>Stamps the Via for <paramref name="source"/> and routes the response in one step.</summary>
    public static SipResponseTarget ForRequest(SipViaAddress topVia, IPEndPoint source, long connectionId) =>
        ForResponse(Stamp(topVia, source), connectionId);

    internal static bool TryParseAddress(string host, out IPAddress? address)
    {
        address = null;
        var text = Unbracket(host);
        if (text.Length == 0 || !(char.IsAsciiDigit(text[0]) || text.Contains(':'))) return false;
        return IPAddress.TryParse(text, out address);
    }

    private static string Unbracket(string host) =>
        host.Length > 2 && host[0] == '[' && host[^1] == ']' ? host[1..^1] : host;

    private static IPAddress Normalize(IPAddress address) =>
        address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
