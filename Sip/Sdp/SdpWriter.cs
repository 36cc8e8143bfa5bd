using System.Globalization;
using System.Text;

namespace CallCluster.Sip.Sdp;

/// <summary>Serialises a <see cref="SessionDescription"/> in the line order of RFC 8866 section 5, CRLF line ends.</summary>
public static class SdpWriter
{
    /// <summary>The description as text.</summary>
    public static string Write(SessionDescription sdp)
    {
        var text = new StringBuilder(512);
        Line(text, 'v', sdp.Version.ToString(CultureInfo.InvariantCulture));
        Line(text, 'o', sdp.Origin.ToString());
        Line(text, 's', sdp.SessionName);
        Optional(text, 'i', sdp.Information);
        Optional(text, 'u', sdp.Uri);
        foreach (var email in sdp.Emails)
        {
            Line(text, 'e', email);
        }

        foreach (var phone in sdp.Phones)
        {
            Line(text, 'p', phone);
        }

        Optional(text, 'c', sdp.Connection?.ToString());
        foreach (var bandwidth in sdp.Bandwidths)
        {
            Line(text, 'b', bandwidth.ToString());
        }

        if (sdp.Timings.Count == 0)
        {
            Line(text, 't', "0 0");
        }

        foreach (var timing in sdp.Timings)
        {
            Line(text, 't', string.Create(CultureInfo.InvariantCulture, $"{timing.Start} {timing.Stop}"));
            foreach (var repeat in timing.Repeats)
            {
                Line(text, 'r', repeat);
            }
        }

        Optional(text, 'z', sdp.TimeZones);
        Optional(text, 'k', sdp.Key);
        foreach (var attribute in sdp.Attributes)
        {
            Line(text, 'a', attribute.ToString());
        }

        foreach (var media in sdp.Media)
        {
            WriteMedia(text, media);
        }

        return text.ToString();
    }

    private static void WriteMedia(StringBuilder text, MediaDescription media)
    {
        text.Append("m=").Append(media.Media).Append(' ').Append(media.Port);
        if (media.PortCount is int count)
        {
            text.Append('/').Append(count);
        }

        text.Append(' ').Append(media.Protocol);
        foreach (var format in media.Formats)
        {
            text.Append(' ').Append(format);
        }

        text.Append("\r\n");
        Optional(text, 'i', media.Information);
        Optional(text, 'c', media.Connection?.ToString());
        foreach (var bandwidth in media.Bandwidths)
        {
            Line(text, 'b', bandwidth.ToString());
        }

        Optional(text, 'k', media.Key);
        foreach (var attribute in media.Attributes)
        {
            Line(text, 'a', attribute.ToString());
        }
    }

    private static void Optional(StringBuilder text, char type, string? value)
    {
        if (value is not null)
        {
            Line(text, type, value);
        }
    }

    private static void Line(StringBuilder text, char type, string value) =>
        text.Append(type).Append('=').Append(value).Append("\r\n");
}
