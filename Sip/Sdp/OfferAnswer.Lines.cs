using CallCluster.Sip.Rtp;

namespace CallCluster.Sip.Sdp;

public static partial class OfferAnswer
{
    /// <summary>What one m= line agreed on: codecs, telephone-event, this side's direction, mux, feedback.</summary>
    private sealed record Agreement(List<RtpMap> Codecs, int? TelephoneEvent, SdpDirection Direction, bool RtcpMux, List<SdpRtcpFeedback> Feedback);

    private static Agreement? Agree(SessionDescription offer, MediaDescription offered, MediaCapability capability)
    {
        if (offered.IsRejected || !offered.IsRtp || !capability.Protocols.Contains(offered.Protocol) || offer.GetConnection(offered) is null)
        {
            return null;
        }

        var codecs = new List<RtpMap>();
        int limit = capability.MaxCodecs ?? int.MaxValue;
        foreach (int pt in offered.PayloadTypes)
        {
            var map = offered.GetRtpMap(pt);
            if (map is not null && !IsTelephoneEvent(map) && codecs.Count < limit
                && capability.Codecs.Any(c => c.Accepts(map, offered.GetFmtp(pt))))
            {
                codecs.Add(map);
            }
        }

        if (codecs.Count == 0)
        {
            return null;
        }

        int? telephoneEvent = null;
        if (capability.TelephoneEvent)
        {
            foreach (int pt in offered.PayloadTypes)
            {
                var map = offered.GetRtpMap(pt);
                if (map is not null && IsTelephoneEvent(map) && codecs.Any(c => c.ClockRate == map.ClockRate))
                {
                    telephoneEvent = pt;
                    break;
                }
            }
        }

        var offeredDirection = offer.GetDirection(offered);
        if (offer.GetConnection(offered)!.IsNullAddress)
        {
            offeredDirection = offeredDirection.Intersect(SdpDirection.SendOnly); // RFC 2543 hold: the offerer does not receive
        }

        var feedback = offered.RtcpFeedback
            .Where(f => (f.Format == "*" || codecs.Any(c => f.AppliesTo(c.PayloadType))) && capability.Feedback.Any(f.SameFeedback))
            .ToList();
        return new Agreement(codecs, telephoneEvent, offeredDirection.Reverse().Intersect(capability.Direction), offered.RtcpMux && capability.RtcpMux, feedback);
    }

    private static MediaDescription Rejected(MediaDescription offered) => new()
    {
        Media = offered.Media,
        Port = 0,
        Protocol = offered.Protocol,
        Formats = offered.Formats.Count > 0 ? [offered.Formats[0]] : ["0"],
    };

    private static MediaDescription AnswerLine(MediaDescription offered, Agreement agreement, int port, MediaCapability capability)
    {
        var formats = new List<string>();
        var attributes = new List<SdpAttribute>();
        foreach (var codec in agreement.Codecs)
        {
            AddFormat(offered, codec, formats, attributes);
        }

        if (agreement.TelephoneEvent is int te)
        {
            AddFormat(offered, offered.GetRtpMap(te)!, formats, attributes);
        }

        foreach (var feedback in agreement.Feedback)
        {
            attributes.Add(new SdpAttribute("rtcp-fb", feedback.ToString()));
        }

        if (capability.Ptime is int ptime)
        {
            attributes.Add(new SdpAttribute("ptime", ptime.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (agreement.RtcpMux)
        {
            attributes.Add(new SdpAttribute("rtcp-mux"));
        }

        attributes.Add(new SdpAttribute(agreement.Direction.ToAttributeName()));
        return new MediaDescription
        {
            Media = offered.Media,
            Port = port,
            Protocol = offered.Protocol,
            Formats = ValueList.From(formats),
            Attributes = ValueList.From(attributes),
        };
    }

    private static void AddFormat(MediaDescription offered, RtpMap map, List<string> formats, List<SdpAttribute> attributes)
    {
        formats.Add(Format(map.PayloadType));
        attributes.Add(new SdpAttribute("rtpmap", map.ToString()));
        var fmtp = offered.GetFmtp(map.PayloadType);
        if (fmtp is not null)
        {
            attributes.Add(new SdpAttribute("fmtp", fmtp.ToString()));
        }
    }

    /// <summary>The negotiated view of m= line <paramref name="index"/>, the peer being the author of <paramref name="peer"/>.</summary>
    private static NegotiatedMedia Describe(SessionDescription peer, int index, Agreement agreement)
    {
        var media = peer.Media[index];
        var connection = peer.GetConnection(media);
        var rtcp = media.Rtcp;
        return new NegotiatedMedia
        {
            Index = index,
            Media = media.Media,
            Accepted = true,
            Codecs = ValueList.From(agreement.Codecs),
            Fmtps = ValueList.From(agreement.Codecs.Select(c => media.GetFmtp(c.PayloadType)).OfType<SdpFmtp>()),
            TelephoneEventPayloadType = agreement.TelephoneEvent,
            Direction = agreement.Direction,
            RtcpMux = agreement.RtcpMux,
            Feedback = ValueList.From(agreement.Feedback),
            Ptime = media.Ptime,
            RemoteAddress = connection?.Address,
            RemotePort = media.Port,
            RemoteRtcpAddress = rtcp?.Connection?.Address ?? connection?.Address,
            RemoteRtcpPort = agreement.RtcpMux ? media.Port : rtcp?.Port ?? media.Port + 1,
            RemoteHeld = SdpHold.IsHeld(peer, index),
        };
    }
}
