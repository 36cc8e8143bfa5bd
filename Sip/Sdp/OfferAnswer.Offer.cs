using System.Globalization;
using CallCluster.Sip.Rtp;

namespace CallCluster.Sip.Sdp;

public static partial class OfferAnswer
{
    private const int FirstDynamicPayloadType = 96;

    /// <summary>
    /// Builds an offer with one m= line per capability (in order) on the ports of
    /// <paramref name="options"/>; a capability without a port is left out. Codecs with an
    /// RFC 3551 static payload type use it; the others and telephone-event get dynamic types from 96.
    /// </summary>
    public static SessionDescription CreateOffer(SdpCapabilities capabilities, SdpLocalOptions options)
    {
        var lines = new List<MediaDescription>();
        for (int i = 0; i < capabilities.Media.Count && i < options.Ports.Count; i++)
        {
            if (options.Ports[i] > 0)
            {
                lines.Add(OfferLine(capabilities.Media[i], options.Ports[i]));
            }
        }

        return new SessionDescription
        {
            Origin = options.Origin,
            SessionName = options.SessionName,
            Connection = SdpConnection.Create(options.ConnectionAddress),
            Timings = [SdpTiming.Unbounded],
            Media = ValueList.From(lines),
        };
    }

    private static MediaDescription OfferLine(MediaCapability capability, int port)
    {
        var formats = new List<string>();
        var attributes = new List<SdpAttribute>();
        int nextDynamic = FirstDynamicPayloadType;
        foreach (var codec in capability.Codecs)
        {
            int pt = StaticPayloadType(codec) ?? nextDynamic++;
            formats.Add(Format(pt));
            attributes.Add(new SdpAttribute("rtpmap", new RtpMap(pt, codec.Name, codec.ClockRate, codec.Channels == 1 ? null : codec.Channels).ToString()));
            if (codec.Fmtp is not null)
            {
                attributes.Add(new SdpAttribute("fmtp", $"{Format(pt)} {codec.Fmtp}"));
            }
        }

        foreach (int clockRate in capability.TelephoneEvent ? capability.Codecs.Select(c => c.ClockRate).Distinct() : [])
        {
            int pt = nextDynamic++;
            formats.Add(Format(pt));
            attributes.Add(new SdpAttribute("rtpmap", new RtpMap(pt, "telephone-event", clockRate).ToString()));
            attributes.Add(new SdpAttribute("fmtp", $"{Format(pt)} 0-16"));
        }

        foreach (var feedback in capability.Feedback)
        {
            attributes.Add(new SdpAttribute("rtcp-fb", (feedback with { Format = "*" }).ToString()));
        }

        if (capability.Ptime is int ptime)
        {
            attributes.Add(new SdpAttribute("ptime", ptime.ToString(CultureInfo.InvariantCulture)));
        }

        if (capability.RtcpMux)
        {
            attributes.Add(new SdpAttribute("rtcp-mux"));
        }

        attributes.Add(new SdpAttribute(capability.Direction.ToAttributeName()));
        return new MediaDescription
        {
            Media = capability.Media,
            Port = port,
            Protocol = capability.Protocols.Count > 0 ? capability.Protocols[0] : "RTP/AVP",
            Formats = ValueList.From(formats),
            Attributes = ValueList.From(attributes),
        };
    }

    private static int? StaticPayloadType(SdpCodec codec)
    {
        foreach (int pt in (ReadOnlySpan<int>)[0, 3, 4, 8, 9, 13, 18, 26, 31, 34])
        {
            if (RtpMap.Static(pt)!.Matches(codec.Name, codec.ClockRate, codec.Channels))
            {
                return pt;
            }
        }

        return null;
    }
}
