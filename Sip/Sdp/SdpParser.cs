using System.Globalization;
using System.Text;
using System.Text.Unicode;
using CallCluster.Sip.Rtp;

namespace CallCluster.Sip.Sdp;

/// <summary>
/// Parses RFC 8866 session descriptions from bytes. Lines end with CRLF or LF; blank lines are
/// skipped. Never throws: every rejection is an <see cref="SdpParseError"/> naming the line.
/// </summary>
public static class SdpParser
{
    /// <summary>Parses with <see cref="SdpParserLimits.Default"/>.</summary>
    public static bool TryParse(ReadOnlySpan<byte> data, out SessionDescription? sdp, out SdpParseError error) =>
        TryParse(data, SdpParserLimits.Default, out sdp, out error);

    /// <summary>Parses text (for tests and configuration).</summary>
    public static bool TryParse(string text, out SessionDescription? sdp, out SdpParseError error) =>
        TryParse(Encoding.UTF8.GetBytes(text), SdpParserLimits.Default, out sdp, out error);

    /// <summary>Parses <paramref name="data"/> within <paramref name="limits"/>.</summary>
    public static bool TryParse(ReadOnlySpan<byte> data, SdpParserLimits limits, out SessionDescription? sdp, out SdpParseError error)
    {
        sdp = null;
        if (data.Length > limits.MaxSize)
        {
            error = new SdpParseError(SdpRejectReason.TooLarge, 0);
            return false;
        }

        if (!Utf8.IsValid(data))
        {
            error = new SdpParseError(SdpRejectReason.InvalidEncoding, 0);
            return false;
        }

        var builder = new SdpBuilder();
        int lineNumber = 0;
        var rest = data;
        while (!rest.IsEmpty)
        {
            int newline = rest.IndexOf((byte)'\n');
            var line = newline < 0 ? rest : rest[..newline];
            rest = newline < 0 ? [] : rest[(newline + 1)..];
            lineNumber++;
            if (lineNumber > limits.MaxLines)
            {
                error = new SdpParseError(SdpRejectReason.TooManyLines, lineNumber);
                return false;
            }

            if (!line.IsEmpty && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            if (line.IsEmpty)
            {
                continue;
            }

            var reason = ParseLine(builder, line, limits);
            if (reason != SdpRejectReason.None)
            {
                error = new SdpParseError(reason, lineNumber);
                return false;
            }
        }

        var missing = builder.Validate();
        if (missing != SdpRejectReason.None)
        {
            error = new SdpParseError(missing, 0);
            return false;
        }

        sdp = builder.Build();
        error = SdpParseError.None;
        return true;
    }

    private static SdpRejectReason ParseLine(SdpBuilder builder, ReadOnlySpan<byte> line, SdpParserLimits limits)
    {
        if (line.Length > limits.MaxLineLength)
        {
            return SdpRejectReason.LineTooLong;
        }

        if (line.Length < 2 || line[1] != (byte)'=' || line[0] is < (byte)'a' or > (byte)'z')
        {
            return SdpRejectReason.MalformedLine;
        }

        char type = (char)line[0];
        if (type == 'a' && builder.HasVersion)
        {
            return ParseAttributeLine(builder, line[2..]);
        }

        string value = Encoding.UTF8.GetString(line[2..]);
        if (!builder.HasVersion)
        {
            return type != 'v' ? SdpRejectReason.MissingVersion : value == "0" ? builder.SetVersion() : SdpRejectReason.UnsupportedVersion;
        }

        if (type == 'm')
        {
            if (builder.MediaCount >= limits.MaxMediaDescriptions)
            {
                return SdpRejectReason.TooManyMediaDescriptions;
            }

            return TryParseMedia(value, out var media) ? builder.StartMedia(media) : SdpRejectReason.InvalidMedia;
        }

        return builder.InMedia ? ParseMediaLine(builder, type, value) : ParseSessionLine(builder, type, value);
    }

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
