using CallCluster.Sip.Rtp;
using CallCluster.Sip.Sdp;

namespace CallCluster.Sip.Tests.Sdp;

public sealed class OfferAnswerTests
{
    private static readonly SdpOrigin Origin = SdpOrigin.Create("callcluster", "4711", 1, "203.0.113.1");

    private static SessionDescription Parse(string text)
    {
        Assert.True(SdpParser.TryParse(text, out var sdp, out var error), error.ToString());
        return sdp!;
    }

    private static OfferAnswerResult Answer(string offer, SdpCapabilities? capabilities = null, params int[] ports) =>
        OfferAnswer.CreateAnswer(Parse(offer), capabilities ?? SdpCapabilities.AudioVideo, new SdpLocalOptions(Origin, "203.0.113.1", ValueList.Create<int>(ports)));

    [Fact]
    public void Answers_audio_and_video_in_offer_order_with_mirrored_direction()
    {
        var result = Answer(SdpSamples.AudioVideoOffer, null, 20000, 20002);
        var answer = result.Answer;
        Assert.True(result.AnyAccepted);
        Assert.Equal(Origin, answer.Origin);
        Assert.Equal(SdpConnection.Create("203.0.113.1"), answer.Connection);
        Assert.Equal(2, answer.Media.Count);

        var audio = answer.Media[0];
        Assert.Equal(20000, audio.Port);
        Assert.Equal(["0", "8", "101"], audio.Formats);
        Assert.Equal("0-16", audio.GetFmtp(101)!.Parameters);
        Assert.Equal(SdpDirection.SendRecv, audio.Direction);
        Assert.Equal(20, audio.Ptime);
        Assert.False(audio.RtcpMux);

        var video = answer.Media[1];
        Assert.Equal("RTP/AVPF", video.Protocol);
        Assert.Equal(["96", "97"], video.Formats);
        Assert.Equal("profile-level-id=42e01f;packetization-mode=1", video.GetFmtp(97)!.Parameters);
        Assert.Equal(SdpDirection.SendOnly, video.Direction); // offer was recvonly
        Assert.True(video.RtcpMux);
        Assert.Equal(
            [new SdpRtcpFeedback("96", "nack", "pli"), new SdpRtcpFeedback("96", "ccm", "fir"), new SdpRtcpFeedback("*", "nack")],
            video.RtcpFeedback);

        Assert.True(SdpParser.TryParse(answer.ToBytes(), out var reparsed, out _));
        Assert.Equal(answer, reparsed);
    }

    [Fact]
    public void Negotiated_media_says_what_to_send_and_where()
    {
        var result = Answer(SdpSamples.AudioVideoOffer, null, 20000, 20002);
        var audio = result.Media[0];
        Assert.True(audio.Accepted);
        Assert.Equal([new RtpMap(0, "PCMU", 8000), new RtpMap(8, "PCMA", 8000)], audio.Codecs);
        Assert.Equal(101, audio.TelephoneEventPayloadType);
        Assert.Equal("192.0.2.10", audio.RemoteAddress);
        Assert.Equal(49170, audio.RemotePort);
        Assert.Equal(49171, audio.RemoteRtcpPort); // from a=rtcp
        Assert.Equal(20, audio.Ptime);

        var video = result.Media[1];
        Assert.Equal(SdpDirection.SendOnly, video.Direction);
        Assert.True(video.RtcpMux);
        Assert.Equal(51372, video.RemoteRtcpPort);
        Assert.Single(video.Fmtps);
    }

    [Theory]
    [InlineData("sendonly", "recvonly")]
    [InlineData("recvonly", "sendonly")]
    [InlineData("inactive", "inactive")]
    [InlineData("sendrecv", "sendrecv")]
    public void Mirrors_each_direction(string offered, string answered)
    {
        var offer = SdpSamples.OldHold.Replace("0.0.0.0", "198.51.100.1", StringComparison.Ordinal) + $"a={offered}\r\n";
        Assert.Equal(answered, Answer(offer, null, 20000).Answer.Media[0].Direction!.Value.ToAttributeName());
    }

    [Fact]
    public void Old_style_hold_is_answered_without_sending_to_the_null_address()
    {
        var result = Answer(SdpSamples.OldHold, null, 20000);
        Assert.Equal(SdpDirection.RecvOnly, result.Answer.Media[0].Direction);
        Assert.True(result.Media[0].RemoteHeld);
    }

    [Fact]
    public void Capability_direction_limits_the_answer()
    {
        var caps = new SdpCapabilities([MediaCapability.G711Audio with { Direction = SdpDirection.SendOnly }]);
        Assert.Equal(SdpDirection.SendOnly, Answer(SdpSamples.OldHold.Replace("0.0.0.0", "1.2.3.4", StringComparison.Ordinal), caps, 20000).Answer.Media[0].Direction);
    }

    [Fact]
    public void Rejects_lines_without_common_codec_support_or_port_keeping_count_and_order()
    {
        var result = Answer(SdpSamples.AudioVideoOffer, SdpCapabilities.AudioOnly, 20000, 20002);
        Assert.Equal(2, result.Answer.Media.Count);
        Assert.Equal(20000, result.Answer.Media[0].Port);
        var video = result.Answer.Media[1];
        Assert.Equal(("video", 0, "RTP/AVPF"), (video.Media, video.Port, video.Protocol));
        Assert.Equal(["96"], video.Formats);
        Assert.Empty(video.Attributes);
        Assert.False(result.Media[1].Accepted);

        var noPort = Answer(SdpSamples.AudioVideoOffer, null, 20000);
        Assert.True(noPort.Answer.Media[1].IsRejected);

        var g729Only = SdpSamples.OldHold.Replace("RTP/AVP 0", "RTP/AVP 18", StringComparison.Ordinal);
        var none = Answer(g729Only, null, 20000);
        Assert.True(none.Answer.Media[0].IsRejected);
        Assert.False(none.AnyAccepted);
    }

    [Fact]
    public void Rejects_srtp_profiles_it_cannot_serve()
    {
        var offer = SdpSamples.OldHold.Replace("RTP/AVP", "RTP/SAVP", StringComparison.Ordinal);
        Assert.True(Answer(offer, null, 20000).Answer.Media[0].IsRejected);
    }

    [Fact]
    public void Single_codec_answers_take_the_first_common_codec_in_offer_order()
    {
        var offer = SdpSamples.AudioVideoOffer.Replace("RTP/AVP 0 8 101", "RTP/AVP 8 0 101", StringComparison.Ordinal);
        var caps = new SdpCapabilities([MediaCapability.G711Audio with { MaxCodecs = 1 }]);
        var result = Answer(offer, caps, 20000);
        Assert.Equal(["8", "101"], result.Answer.Media[0].Formats);
        Assert.Equal(new RtpMap(8, "PCMA", 8000), Assert.Single(result.Media[0].Codecs));
    }

    [Fact]
    public void Telephone_event_is_dropped_when_not_supported()
    {
        var caps = new SdpCapabilities([MediaCapability.G711Audio with { TelephoneEvent = false }]);
        var result = Answer(SdpSamples.AudioVideoOffer, caps, 20000);
        Assert.Equal(["0", "8"], result.Answer.Media[0].Formats);
        Assert.Null(result.Media[0].TelephoneEventPayloadType);
    }

    [Fact]
    public void H264_packetization_mode_must_match()
    {
        var offer = SdpSamples.AudioVideoOffer.Replace("packetization-mode=1", "packetization-mode=0", StringComparison.Ordinal);
        var result = Answer(offer, null, 20000, 20002);
        Assert.Equal(["96"], result.Answer.Media[1].Formats);
    }

    [Fact]
    public void Reading_an_answer_gives_this_sides_view()
    {
        var offer = Parse(SdpSamples.AudioVideoOffer);
        var answer = Answer(SdpSamples.AudioVideoOffer, new SdpCapabilities([MediaCapability.G711Audio with { MaxCodecs = 1 }]), 20000, 20002).Answer;
        Assert.True(OfferAnswer.TryReadAnswer(offer, answer, out var media, out var error));
        Assert.Equal(OfferAnswerError.None, error);
        Assert.Equal(new RtpMap(0, "PCMU", 8000), Assert.Single(media[0].Codecs));
        Assert.Equal(101, media[0].TelephoneEventPayloadType);
        Assert.Equal(("203.0.113.1", 20000, 20001), (media[0].RemoteAddress, media[0].RemotePort, media[0].RemoteRtcpPort));
        Assert.Equal(SdpDirection.SendRecv, media[0].Direction);
        Assert.False(media[1].Accepted);
    }

    [Fact]
    public void Reading_a_mismatched_answer_fails_with_a_reason()
    {
        var offer = Parse(SdpSamples.AudioVideoOffer);
        var answer = Answer(SdpSamples.AudioVideoOffer, null, 20000, 20002).Answer;
        Assert.False(OfferAnswer.TryReadAnswer(offer, answer with { Media = [answer.Media[0]] }, out _, out var error));
        Assert.Equal(OfferAnswerError.MediaCountMismatch, error);
        Assert.False(OfferAnswer.TryReadAnswer(offer, answer with { Media = [answer.Media[1], answer.Media[0]] }, out _, out error));
        Assert.Equal(OfferAnswerError.MediaTypeMismatch, error);
        var strange = answer.WithMedia(0, answer.Media[0] with { Formats = ["111"] });
        Assert.False(OfferAnswer.TryReadAnswer(offer, strange, out _, out error));
        Assert.Equal(OfferAnswerError.UnofferedFormat, error);
    }

    [Fact]
    public void Created_offers_use_static_and_dynamic_payload_types_and_are_answered_in_full()
    {
        var offer = OfferAnswer.CreateOffer(SdpCapabilities.AudioVideo, new SdpLocalOptions(Origin, "203.0.113.1", [30000, 30002]));
        var text = offer.ToString();
        Assert.Contains("m=audio 30000 RTP/AVP 0 8 96\r\n", text, StringComparison.Ordinal);
        Assert.Contains("a=rtpmap:96 telephone-event/8000\r\na=fmtp:96 0-16\r\n", text, StringComparison.Ordinal);
        Assert.Contains("m=video 30002 RTP/AVP 96 97\r\n", text, StringComparison.Ordinal);
        Assert.Contains("a=fmtp:97 packetization-mode=1\r\n", text, StringComparison.Ordinal);
        Assert.Contains("a=rtcp-fb:* ccm fir\r\n", text, StringComparison.Ordinal);
        Assert.True(SdpParser.TryParse(offer.ToBytes(), out var parsed, out _));
        Assert.Equal(offer, parsed);

        var result = OfferAnswer.CreateAnswer(offer, SdpCapabilities.AudioVideo, new SdpLocalOptions(Origin, "198.51.100.7", [40000, 40002]));
        Assert.All(result.Media, m => Assert.True(m.Accepted));
        Assert.Equal(96, result.Media[0].TelephoneEventPayloadType);
        Assert.Equal(2, result.Media[1].Codecs.Count);
        Assert.Equal(3, result.Media[1].Feedback.Count);

        Assert.True(OfferAnswer.TryReadAnswer(offer, result.Answer, out var mine, out _));
        Assert.Equal(("198.51.100.7", 40002, 40002), (mine[1].RemoteAddress, mine[1].RemotePort, mine[1].RemoteRtcpPort));
    }

    [Fact]
    public void Created_offers_leave_out_lines_without_a_port()
    {
        var offer = OfferAnswer.CreateOffer(SdpCapabilities.AudioVideo, new SdpLocalOptions(Origin, "2001:db8::1", [30000]));
        Assert.Equal("IP6", offer.Connection!.AddressType);
        Assert.True(Assert.Single(offer.Media).IsAudio);
    }
}
