using System.Globalization;
using System.Text;

namespace CallCluster.Sip.Sdp;

/// <summary>Grammar of the individual line values.</summary>
public static partial class SdpParser
{
    private static bool TryParseOrigin(string value, out SdpOrigin origin)
    {
        origin = null!;
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 6 || !ulong.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out ulong version))
        {
            return false;
        }

        origin = new SdpOrigin(parts[0], parts[1], version, parts[3], parts[4], parts[5]);
        return true;
    }

    private static bool TryParseConnection(string value, out SdpConnection connection)
    {
        connection = null!;
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3 || parts[0] != "IN" || parts[1] is not ("IP4" or "IP6"))
        {
            return false;
        }

        connection = new SdpConnection(parts[0], parts[1], parts[2]);
        return true;
    }

    private static bool TryParseBandwidth(string value, out SdpBandwidth bandwidth)
    {
        bandwidth = null!;
        int colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !long.TryParse(value.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out long amount))
        {
            return false;
        }

        bandwidth = new SdpBandwidth(value[..colon], amount);
        return true;
    }

    private static bool TryParseTiming(string value, out SdpTiming timing)
    {
        timing = null!;
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2
            || !ulong.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out ulong start)
            || !ulong.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out ulong stop))
        {
            return false;
        }

        timing = new SdpTiming(start, stop);
        return true;
    }

    private static bool TryParseMedia(string value, out MediaBuilder media)
    {
        media = null!;
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3)
        {
            return false;
        }

        var portText = parts[1].AsSpan();
        int? portCount = null;
        int slash = portText.IndexOf('/');
        if (slash >= 0)
        {
            if (!int.TryParse(portText[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int count) || count < 1)
            {
                return false;
            }

            portCount = count;
            portText = portText[..slash];
        }

        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port > 65535
            || (parts.Length == 3 && port != 0))
        {
            return false;
        }

        media = new MediaBuilder(parts[0], port, portCount, parts[2], parts[3..]);
        return true;
    }

    private static SdpRejectReason ParseAttributeLine(SdpBuilder builder, ReadOnlySpan<byte> text)
    {
        int colon = text.IndexOf((byte)':');
        var nameBytes = colon < 0 ? text : text[..colon];
        if (nameBytes.IsEmpty || nameBytes.Contains((byte)' '))
        {
            return SdpRejectReason.InvalidAttribute;
        }

        string name = SdpAttributeNames.Find(nameBytes) ?? Encoding.UTF8.GetString(nameBytes);
        string? value = colon < 0 ? null : Encoding.UTF8.GetString(text[(colon + 1)..]);
        bool valid = name switch
        {
            "rtpmap" => value is not null && RtpMap.IsValid(value),
            "fmtp" => value is not null && SdpFmtp.IsValid(value),
            "rtcp" => value is not null && SdpRtcp.TryParse(value, out _),
            "rtcp-fb" => value is not null && SdpRtcpFeedback.IsValid(value),
            _ => true,
        };
        if (!valid)
        {
            return SdpRejectReason.InvalidAttribute;
        }

        var attribute = new SdpAttribute(name, value);
        if (builder.CurrentMedia is { } media)
        {
            media.Attributes.Add(attribute);
        }
        else
        {
            builder.Attributes.Add(attribute);
        }

        return SdpRejectReason.None;
    }
}
