using System.Net;
using CallCluster.Sip.Message;
using CallCluster.Sip.Message.Headers;

namespace CallCluster.Sip.Transport;

/// <summary>
/// <see cref="SipResponseRouting"/> applied to parsed messages: stamping received/rport on the
/// top Via of an inbound request and routing a response by its top Via.
/// </summary>
public static class SipViaRouting
{
    /// <summary>The addressing parts of a parsed Via; false for transports this stack does not run (SCTP, WS).</summary>
    public static bool TryGetAddress(SipVia via, out SipViaAddress? address)
    {
        address = null;
        if (!SipTransportKinds.TryParse(via.Transport, out var kind)) return false;
        address = new SipViaAddress(kind, via.Host, via.Port, via.Received, via.HasRPort, via.RPort, via.Maddr);
        return true;
    }

    /// <summary>
    /// The request with received (and rport when the client asked for it) added to its top Via
    /// for a packet from <paramref name="source"/> (RFC 3261 18.2.1, RFC 3581). Returns the same
    /// instance when nothing needs adding or when there is no usable top Via.
    /// </summary>
    public static SipRequest StampTopVia(SipRequest request, IPEndPoint source)
    {
        if (request.TopVia is not { } via || !TryGetAddress(via, out var address)) return request;
        var stamped = SipResponseRouting.Stamp(address!, source);
        if (ReferenceEquals(stamped, address)) return request;
        var updated = via;
        if (stamped.Received is { } received && received != via.Received) updated = updated.WithReceived(received);
        if (stamped.Rport is { } rport && rport != via.RPort) updated = updated.WithRPort(rport);
        return request.WithTopVia(updated);
    }

    /// <summary>
    /// Where <paramref name="response"/> goes, from its top Via (already stamped when the request
    /// came in) and the connection the request used (0 for UDP). False when there is no usable Via.
    /// </summary>
    public static bool TryRoute(SipResponse response, long connectionId, out SipResponseTarget? target)
    {
        target = null;
        if (response.TopVia is not { } via || !TryGetAddress(via, out var address)) return false;
        target = SipResponseRouting.ForResponse(address!, connectionId);
        return true;
    }
}
