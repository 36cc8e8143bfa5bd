using System.Net;
using System.Net.Sockets;

namespace CallCluster.Sip.Sdp;

/// <summary>The c= line (RFC 8866 section 5.7).</summary>
/// <param name="NetworkType">"IN".</param>
/// <param name="AddressType">"IP4" or "IP6".</param>
/// <param name="Address">Address, possibly with "/ttl[/count]" for multicast, or a host name.</param>
public sealed record SdpConnection(string NetworkType, string AddressType, string Address)
{
    /// <summary>IN IP4 or IN IP6 for <paramref name="address"/>, chosen by its form.</summary>
    public static SdpConnection Create(string address) => new("IN", AddressTypeOf(address), address);

    /// <summary>IN IP4 or IN IP6 for an IP address.</summary>
    public static SdpConnection Create(IPAddress address) => Create(address.ToString());

    /// <summary>True for the RFC 2543 hold form c=IN IP4 0.0.0.0.</summary>
    public bool IsNullAddress => Address == "0.0.0.0";

    /// <summary>The address without multicast suffixes, as an IP address if it is one.</summary>
    public bool TryGetIPAddress(out IPAddress address)
    {
        var text = Address.AsSpan();
        int slash = text.IndexOf('/');
        if (slash >= 0)
        {
            text = text[..slash];
        }

        if (IPAddress.TryParse(text, out var parsed)
            && (AddressType == "IP6" ? parsed.AddressFamily == AddressFamily.InterNetworkV6 : parsed.AddressFamily == AddressFamily.InterNetwork))
        {
            address = parsed;
            return true;
        }

        address = IPAddress.None;
        return false;
    }

    /// <summary>"IP6" if the text contains a colon, otherwise "IP4".</summary>
    internal static string AddressTypeOf(string address) => address.Contains(':', StringComparison.Ordinal) ? "IP6" : "IP4";

    /// <inheritdoc/>
    public override string ToString() => $"{NetworkType} {AddressType} {Address}";
}
