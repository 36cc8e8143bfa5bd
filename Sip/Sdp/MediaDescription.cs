using System.Globalization;
using CallCluster.Sip.Rtp;

namespace CallCluster.Sip.Sdp;

/// <summary>
/// An m= section (RFC 8866 section 5.14) with its i=, c=, b=, k= and a= lines. Attributes are
/// kept in order as written; the typed views (<see cref="RtpMaps"/>, <see cref="Direction"/>, ...)
/// read them. Edits return copies (see MediaDescription.Edit.cs).
/// </summary>
public sealed partial record MediaDescription
{
    /// <summary>Media type: "audio", "video", "application", ...</summary>
    public required string Media { get; init; }

    /// <summary>Transport port; 0 marks a rejected or disabled stream.</summary>
    public required int Port { get; init; }

    /// <summary>The "/count" after the port, or null.</summary>
    public int? PortCount { get; init; }

    /// <summary>Transport protocol: "RTP/AVP", "RTP/AVPF", "RTP/SAVP", "RTP/SAVPF", "UDP/TLS/RTP/SAVPF", ...</summary>
    public required string Protocol { get; init; }

    /// <summary>Media formats in preference order (payload type numbers for RTP protocols).</summary>
    public ValueList<string> Formats { get; init; }

    /// <summary>The i= line, or null.</summary>
    public string? Information { get; init; }

    /// <summary>The media-level c= line, or null to use the session's.</summary>
    public SdpConnection? Connection { get; init; }

    /// <summary>The b= lines.</summary>
    public ValueList<SdpBandwidth> Bandwidths { get; init; }

    /// <summary>The k= line (obsolete), or null.</summary>
    public string? Key { get; init; }

    /// <summary>The a= lines in order.</summary>
    public ValueList<SdpAttribute> Attributes { get; init; }

    /// <summary>True when the port is 0.</summary>
    public bool IsRejected => Port == 0;

    /// <summary>True for m=audio.</summary>
    public bool IsAudio => Media == "audio";

    /// <summary>True for m=video.</summary>
    public bool IsVideo => Media == "video";

    /// <summary>True if the protocol is an RTP profile (formats are payload types).</summary>
    public bool IsRtp => Protocol.Contains("RTP/", StringComparison.Ordinal);

    /// <summary>The formats that are payload type numbers, in order.</summary>
    public IEnumerable<int> PayloadTypes
    {
        get
        {
            foreach (var format in Formats)
            {
                if (RtpMap.TryParsePayloadType(format, out int pt))
                {
                    yield return pt;
                }
            }
        }
    }

    /// <summary>The media-level direction attribute, or null if none is present.</summary>
    public SdpDirection? Direction
    {
        get
        {
            foreach (var attribute in Attributes)
            {
                if (attribute.Value is null && SdpDirectionExtensions.TryParse(attribute.Name, out var direction))
                {
                    return direction;
                }
            }

            return null;
        }
    }

    /// <summary>The well-formed a=rtpmap attributes.</summary>
    public IEnumerable<RtpMap> RtpMaps => Parsed<RtpMap>("rtpmap", RtpMap.TryParse);

    /// <summary>The well-formed a=fmtp attributes.</summary>
    public IEnumerable<SdpFmtp> Fmtps => Parsed<SdpFmtp>("fmtp", SdpFmtp.TryParse);

    /// <summary>The well-formed a=rtcp-fb attributes.</summary>
    public IEnumerable<SdpRtcpFeedback> RtcpFeedback => Parsed<SdpRtcpFeedback>("rtcp-fb", SdpRtcpFeedback.TryParse);

    /// <summary>The a=rtcp attribute (RFC 3605), or null.</summary>
    public SdpRtcp? Rtcp => Parsed<SdpRtcp>("rtcp", SdpRtcp.TryParse).FirstOrDefault();

    /// <summary>True if a=rtcp-mux is present (RFC 5761).</summary>
    public bool RtcpMux => HasAttribute("rtcp-mux");

    /// <summary>a=ptime in milliseconds, or null.</summary>
    public int? Ptime => IntAttribute("ptime");

    /// <summary>a=maxptime in milliseconds, or null.</summary>
    public int? MaxPtime => IntAttribute("maxptime");

    /// <summary>The rtpmap for <paramref name="payloadType"/>: explicit, else the static assignment, else null.</summary>
    public RtpMap? GetRtpMap(int payloadType)
    {
        foreach (var map in RtpMaps)
        {
            if (map.PayloadType == payloadType)
            {
                return map;
            }
        }

        return RtpMap.Static(payloadType);
    }

    /// <summary>The fmtp for a format, or null.</summary>
    public SdpFmtp? GetFmtp(int payloadType) => GetFmtp(payloadType.ToString(CultureInfo.InvariantCulture));

    /// <summary>The fmtp for a format, or null.</summary>
    public SdpFmtp? GetFmtp(string format) => Fmtps.FirstOrDefault(f => f.Format == format);

    /// <summary>The payload type of the first format whose encoding name matches (e.g. "telephone-event"), or null.</summary>
    public int? FindPayloadType(string encodingName, int? clockRate = null)
    {
        foreach (int pt in PayloadTypes)
        {
            var map = GetRtpMap(pt);
            if (map is not null && string.Equals(map.EncodingName, encodingName, StringComparison.OrdinalIgnoreCase)
                && (clockRate is null || map.ClockRate == clockRate))
            {
                return pt;
            }
        }

        return null;
    }

    /// <summary>True if an attribute of this name is present.</summary>
    public bool HasAttribute(string name) => Attributes.Any(a => a.Name == name);

    /// <summary>The value of the first attribute of this name, or null.</summary>
    public string? GetAttribute(string name) => Attributes.FirstOrDefault(a => a.Name == name)?.Value;

    private int? IntAttribute(string name) =>
        int.TryParse(GetAttribute(name), NumberStyles.None, CultureInfo.InvariantCulture, out int value) ? value : null;

    private delegate bool TryParser<T>(string value, out T result);

    private IEnumerable<T> Parsed<T>(string name, TryParser<T> parse)
    {
        foreach (var attribute in Attributes)
        {
            if (attribute.Name == name && attribute.Value is not null && parse(attribute.Value, out var value))
            {
                yield return value;
            }
        }
    }
}
