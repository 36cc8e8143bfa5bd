using System.Net;

namespace CallCluster.Sip.Message;

/// <summary>
/// Checks a UAC or proxy makes on a received response; any failure means the response is dropped silently
/// (RFC 3261 18.1.2, RFC 4475 3.1.2.5, 3.1.2.19, 3.3.10).
/// </summary>
public static class SipResponseValidator
{
    private static readonly SipHeaderId[] Checked =
    [
        SipHeaderId.Via, SipHeaderId.From, SipHeaderId.To, SipHeaderId.CallId, SipHeaderId.CSeq,
        SipHeaderId.Contact, SipHeaderId.RecordRoute, SipHeaderId.ContentType, SipHeaderId.ContentLength,
    ];

    /// <summary>True when the response may be passed on; otherwise it is to be dropped.</summary>
    public static bool TryValidate(SipResponse response, out SipParseError error)
    {
        ArgumentNullException.ThrowIfNull(response);
        foreach (var id in Checked)
        {
            if (!response.IsWellFormed(id))
            {
                error = new SipParseError(SipRejectReason.InvalidHeaderValue, "malformed " + SipHeaderNames.GetName(id), true);
                return false;
            }
        }

        foreach (var via in response.Via)
        {
            if (IsBroadcastOrMulticast(via.Host))
            {
                error = new SipParseError(SipRejectReason.InvalidViaSentBy, "Via sent-by is a broadcast or multicast address", true);
                return false;
            }
        }

        error = SipParseError.None;
        return true;
    }

    private static bool IsBroadcastOrMulticast(string host)
    {
        if (!HostSyntax.IsIPv4(host) || !IPAddress.TryParse(host, out var address))
        {
            return false;
        }

        var first = address.GetAddressBytes()[0];
        return address.Equals(IPAddress.Broadcast) || first is >= 224 and <= 239;
    }
}
