using System.Globalization;
using System.Net;

namespace CallCluster.Sip.Transport;

/// <summary>
/// Where a transport listens: <c>udp:127.0.0.1:5060</c>, <c>tcp:[::1]:5060</c> (port 0 picks a
/// free port). The textual form is the one used in configuration (Sip:Listen).
/// </summary>
public sealed record SipListenEndpoint(SipTransportKind Kind, IPEndPoint EndPoint)
{
    /// <summary>Parses <c>kind ":" address ":" port</c> with IPv6 addresses in brackets.</summary>
    public static bool TryParse(string? text, out SipListenEndpoint? endpoint)
    {
        endpoint = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 80) return false;
        var colon = text.IndexOf(':');
        if (colon <= 0 || !SipTransportKinds.TryParse(text.AsSpan(0, colon), out var kind)) return false;
        var rest = text.AsSpan(colon + 1);

        ReadOnlySpan<char> host;
        ReadOnlySpan<char> port;
        if (rest.StartsWith("["))
        {
            var close = rest.IndexOf(']');
            if (close < 0 || close + 1 >= rest.Length || rest[close + 1] != ':') return false;
            host = rest[1..close];
            port = rest[(close + 2)..];
            if (!IPAddress.TryParse(host, out var v6) || v6.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6) return false;
        }
        else
        {
            var last = rest.LastIndexOf(':');
            if (last <= 0) return false;
            host = rest[..last];
            port = rest[(last + 1)..];
            if (host.Contains(':')) return false;
        }

        if (!IPAddress.TryParse(host, out var address)) return false;
        if (port.Length is 0 or > 5 || !port.ContainsOnlyDigits()) return false;
        var portNumber = int.Parse(port, NumberStyles.None, CultureInfo.InvariantCulture);
        if (portNumber > IPEndPoint.MaxPort) return false;
        endpoint = new SipListenEndpoint(kind, new IPEndPoint(address, portNumber));
        return true;
    }

    /// <summary>The configuration form, e.g. <c>tcp:[::1]:5060</c>.</summary>
    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()}:{EndPoint}";
}

internal static class SpanDigits
{
    public static bool ContainsOnlyDigits(this ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (c is < '0' or > '9') return false;
        }
        return true;
    }
}
