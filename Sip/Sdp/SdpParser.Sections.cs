namespace CallCluster.Sip.Sdp;

/// <summary>Line dispatch for the session section and the media sections.</summary>
public static partial class SdpParser
{
    private static SdpRejectReason ParseSessionLine(SdpBuilder builder, char type, string value)
    {
        switch (type)
        {
            case 'o':
                if (builder.Origin is not null)
                {
                    return SdpRejectReason.MisplacedLine;
                }

                if (!TryParseOrigin(value, out var origin))
                {
                    return SdpRejectReason.InvalidOrigin;
                }

                builder.Origin = origin;
                break;
            case 's':
                if (builder.SessionName is not null)
                {
                    return SdpRejectReason.MisplacedLine;
                }

                builder.SessionName = value;
                break;
            case 'i':
                builder.Information = value;
                break;
            case 'u':
                builder.Uri = value;
                break;
            case 'e':
                builder.Emails.Add(value);
                break;
            case 'p':
                builder.Phones.Add(value);
                break;
            case 'c':
                if (builder.Connection is not null)
                {
                    return SdpRejectReason.MisplacedLine;
                }

                if (!TryParseConnection(value, out var connection))
                {
                    return SdpRejectReason.InvalidConnection;
                }

                builder.Connection = connection;
                break;
            case 'b':
                if (!TryParseBandwidth(value, out var bandwidth))
                {
                    return SdpRejectReason.InvalidBandwidth;
                }

                builder.Bandwidths.Add(bandwidth);
                break;
            case 't':
                if (!TryParseTiming(value, out var timing))
                {
                    return SdpRejectReason.InvalidTiming;
                }

                builder.Timings.Add((timing, []));
                break;
            case 'r':
                if (builder.Timings.Count == 0)
                {
                    return SdpRejectReason.MisplacedLine;
                }

                builder.Timings[^1].Repeats.Add(value);
                break;
            case 'z':
                builder.TimeZones = value;
                break;
            case 'k':
                builder.Key = value;
                break;
            case 'v':
                return SdpRejectReason.MisplacedLine;
            default:
                return SdpRejectReason.UnknownLineType;
        }

        return SdpRejectReason.None;
    }

    private static SdpRejectReason ParseMediaLine(SdpBuilder builder, char type, string value)
    {
        var media = builder.CurrentMedia!;
        switch (type)
        {
            case 'i':
                media.Information = value;
                break;
            case 'c':
                if (media.Connection is not null)
                {
                    return SdpRejectReason.MisplacedLine;
                }

                if (!TryParseConnection(value, out var connection))
                {
                    return SdpRejectReason.InvalidConnection;
                }

                media.Connection = connection;
                break;
            case 'b':
                if (!TryParseBandwidth(value, out var bandwidth))
                {
                    return SdpRejectReason.InvalidBandwidth;
                }

                media.Bandwidths.Add(bandwidth);
                break;
            case 'k':
                media.Key = value;
                break;
            case 'v' or 'o' or 's' or 'u' or 'e' or 'p' or 't' or 'r' or 'z':
                return SdpRejectReason.MisplacedLine;
            default:
                return SdpRejectReason.UnknownLineType;
        }

        return SdpRejectReason.None;
    }
}
