using System.Globalization;

namespace CallCluster.Sip.Sdp;

/// <summary>An a=rtcp value (RFC 3605): the RTCP port, and optionally its address.</summary>
public sealed record SdpRtcp(int Port, SdpConnection? Connection = null)
{
    /// <summary>Parses "port [IN IP4|IP6 address]".</summary>
    public static bool TryParse(string value, out SdpRtcp rtcp)
    {
        rtcp = null!;
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is not (1 or 4)
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port > 65535)
        {
            return false;
        }

        SdpConnection? connection = null;
        if (parts.Length == 4)
        {
            if (parts[1] != "IN" || parts[2] is not ("IP4" or "IP6"))
            {
                return false;
            }

            connection = new SdpConnection(parts[1], parts[2], parts[3]);
        }

        rtcp = new SdpRtcp(port, connection);
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => Connection is null ? Port.ToString(CultureInfo.InvariantCulture) : $"{Port} {Connection}";
}
