using System.Globalization;
using System.Text;
using System.Text.Unicode;
using CallCluster.Sip.Rtp;

namespace CallCluster.Sip.Sdp;

/// <summary>
/// Parses RFC 8866 session descriptions from bytes. Lines end with CRLF or LF; blank lines are
/// skipped. Never throws: every rejection is an <see cref="SdpParseError"/> naming the line.
/// </summary>
public static partial class SdpParser
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
}
