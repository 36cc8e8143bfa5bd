using System.Globalization;

namespace CallCluster.Sip.Sdp;

/// <summary>
/// An a=rtpmap value (RFC 8866 section 6.6): "payload-type encoding/clock[/channels]", or the
/// RFC 3551 static assignment for a payload type without rtpmap.
/// </summary>
public sealed record RtpMap(int PayloadType, string EncodingName, int ClockRate, int? Channels = null)
{
    /// <summary>Channel count, 1 when not written.</summary>
    public int EffectiveChannels => Channels ?? 1;

    /// <summary>True if the encoding name matches (case-insensitive), the clock rate and the channel count.</summary>
    public bool Matches(string encodingName, int clockRate, int channels = 1) =>
        string.Equals(EncodingName, encodingName, StringComparison.OrdinalIgnoreCase) && ClockRate == clockRate && EffectiveChannels == channels;

    /// <summary>Parses an a=rtpmap value; false if it does not follow the grammar.</summary>
    public static bool TryParse(string value, out RtpMap map)
    {
        if (!TryParseCore(value, out int payloadType, out var name, out int clock, out int? channels))
        {
            map = null!;
            return false;
        }

        map = new RtpMap(payloadType, name.ToString(), clock, channels);
        return true;
    }

    /// <summary>True if <paramref name="value"/> is a well-formed a=rtpmap value (allocates nothing).</summary>
    public static bool IsValid(ReadOnlySpan<char> value) => TryParseCore(value, out _, out _, out _, out _);

    private static bool TryParseCore(ReadOnlySpan<char> value, out int payloadType, out ReadOnlySpan<char> name, out int clock, out int? channels)
    {
        name = default;
        clock = 0;
        channels = null;
        payloadType = 0;
        int space = value.IndexOf(' ');
        if (space <= 0 || !TryParsePayloadType(value[..space], out payloadType))
        {
            return false;
        }

        var rest = value[(space + 1)..].Trim();
        int slash = rest.IndexOf('/');
        if (slash <= 0)
        {
            return false;
        }

        name = rest[..slash];
        var afterName = rest[(slash + 1)..];
        int slash2 = afterName.IndexOf('/');
        var clockText = slash2 < 0 ? afterName : afterName[..slash2];
        if (!int.TryParse(clockText, NumberStyles.None, CultureInfo.InvariantCulture, out clock) || clock <= 0)
        {
            return false;
        }

        if (slash2 >= 0)
        {
            if (!int.TryParse(afterName[(slash2 + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int count) || count <= 0)
            {
                return false;
            }

            channels = count;
        }

        return true;
    }

    /// <summary>The RFC 3551 static assignment for <paramref name="payloadType"/>, or null.</summary>
    public static RtpMap? Static(int payloadType) => payloadType switch
    {
        0 => new RtpMap(0, "PCMU", 8000),
        3 => new RtpMap(3, "GSM", 8000),
        4 => new RtpMap(4, "G723", 8000),
        8 => new RtpMap(8, "PCMA", 8000),
        9 => new RtpMap(9, "G722", 8000),
        13 => new RtpMap(13, "CN", 8000),
        18 => new RtpMap(18, "G729", 8000),
        26 => new RtpMap(26, "JPEG", 90000),
        31 => new RtpMap(31, "H261", 90000),
        34 => new RtpMap(34, "H263", 90000),
        _ => null,
    };

    /// <summary>Parses a payload type number 0-127.</summary>
    public static bool TryParsePayloadType(ReadOnlySpan<char> text, out int payloadType) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out payloadType) && payloadType <= 127;

    /// <inheritdoc/>
    public override string ToString() =>
        Channels is null ? $"{PayloadType} {EncodingName}/{ClockRate}" : $"{PayloadType} {EncodingName}/{ClockRate}/{Channels}";
}
