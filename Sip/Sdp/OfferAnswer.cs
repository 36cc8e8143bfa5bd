using System.Globalization;
using CallCluster.Sip.Rtp;

namespace CallCluster.Sip.Sdp;

/// <summary>
/// The offer/answer model (RFC 3264): building an answer from an offer and a capability set, and
/// reading the outcome of an answer to one of this side's offers.
/// </summary>
public static partial class OfferAnswer
{
    /// <summary>
    /// Answers <paramref name="offer"/>: same m= lines in the same order; per line the common codecs
    /// in the offer's order (with the offer's payload type numbers), telephone-event if both sides
    /// support it, the mirrored direction limited by the capability, rtcp-mux and rtcp-fb where both
    /// sides support them; lines with no common codec, unsupported media or protocol, or no port
    /// in <paramref name="options"/> are rejected with port 0.
    /// </summary>
    public static OfferAnswerResult CreateAnswer(SessionDescription offer, SdpCapabilities capabilities, SdpLocalOptions options)
    {
        var lines = new MediaDescription[offer.Media.Count];
        var negotiated = new NegotiatedMedia[offer.Media.Count];
        for (int i = 0; i < offer.Media.Count; i++)
        {
            var offered = offer.Media[i];
            int port = i < options.Ports.Count ? options.Ports[i] : 0;
            var capability = capabilities.For(offered.Media);
            var agreement = port > 0 && capability is not null ? Agree(offer, offered, capability) : null;
            if (agreement is null)
            {
                lines[i] = Rejected(offered);
                negotiated[i] = new NegotiatedMedia { Index = i, Media = offered.Media, Accepted = false, Direction = SdpDirection.Inactive };
                continue;
            }

            lines[i] = AnswerLine(offered, agreement, port, capability!);
            negotiated[i] = Describe(offer, i, agreement);
        }

        var answer = new SessionDescription
        {
            Origin = options.Origin,
            SessionName = options.SessionName,
            Connection = SdpConnection.Create(options.ConnectionAddress),
            Timings = [SdpTiming.Unbounded],
            Media = ValueList.Create<MediaDescription>(lines),
        };
        return new OfferAnswerResult(answer, ValueList.Create<NegotiatedMedia>(negotiated));
    }

    /// <summary>
    /// Reads the answer to this side's <paramref name="offer"/>: per m= line the codecs the answer
    /// kept, the direction from this side's point of view, and where the peer receives.
    /// </summary>
    public static bool TryReadAnswer(SessionDescription offer, SessionDescription answer, out ValueList<NegotiatedMedia> media, out OfferAnswerError error)
    {
        media = default;
        if (offer.Media.Count != answer.Media.Count)
        {
            error = OfferAnswerError.MediaCountMismatch;
            return false;
        }

        var result = new NegotiatedMedia[answer.Media.Count];
        for (int i = 0; i < answer.Media.Count; i++)
        {
            var offered = offer.Media[i];
            var answered = answer.Media[i];
            if (offered.Media != answered.Media)
            {
                error = OfferAnswerError.MediaTypeMismatch;
                return false;
            }

            if (answered.IsRejected || offered.IsRejected)
            {
                result[i] = new NegotiatedMedia { Index = i, Media = answered.Media, Accepted = false, Direction = SdpDirection.Inactive };
                continue;
            }

            var offeredTypes = offered.PayloadTypes.ToHashSet();
            if (answered.PayloadTypes.Any(pt => !offeredTypes.Contains(pt) && RtpMap.Static(pt) is null))
            {
                error = OfferAnswerError.UnofferedFormat;
                return false;
            }

            var agreement = new Agreement(
                [.. answered.PayloadTypes.Select(pt => answered.GetRtpMap(pt)).OfType<RtpMap>().Where(m => !IsTelephoneEvent(m))],
                answered.FindPayloadType("telephone-event"),
                offer.GetDirection(offered).Intersect(answer.GetDirection(answered).Reverse()),
                answered.RtcpMux && offered.RtcpMux,
                [.. answered.RtcpFeedback]);
            result[i] = Describe(answer, i, agreement);
        }

        media = ValueList.Create<NegotiatedMedia>(result);
        error = OfferAnswerError.None;
        return true;
    }

    private static bool IsTelephoneEvent(RtpMap map) => string.Equals(map.EncodingName, "telephone-event", StringComparison.OrdinalIgnoreCase);

    private static string Format(int payloadType) => payloadType.ToString(CultureInfo.InvariantCulture);
}
