using System.Text;
using CallCluster.Sip.Sdp;

namespace CallCluster.Sip.Tests.Sdp;

public sealed class SessionDescriptionTests
{
    private static SessionDescription Parse(string text)
    {
        Assert.True(SdpParser.TryParse(text, out var sdp, out var error), error.ToString());
        return sdp!;
    }

    [Theory]
    [InlineData(SdpSamples.AudioVideoOffer)]
    [InlineData(SdpSamples.Ipv6Audio)]
    [InlineData(SdpSamples.OldHold)]
    public void Serialises_byte_exact_for_canonical_input_and_reparses_equal(string text)
    {
        var sdp = Parse(text);
        Assert.Equal(text, Encoding.UTF8.GetString(sdp.ToBytes()));
        Assert.Equal(sdp, Parse(sdp.ToString()));
    }

    [Fact]
    public void Missing_timing_is_written_as_unbounded()
    {
        var sdp = Parse("v=0\no=- 1 1 IN IP4 10.0.0.1\ns=-\nm=audio 4000 RTP/AVP 0\n");
        Assert.Equal("v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n", sdp.ToString());
    }

    [Fact]
    public void With_connection_rewrites_session_media_and_rtcp_addresses()
    {
        var sdp = Parse(SdpSamples.Ipv6Audio).WithConnection("203.0.113.5");
        Assert.Equal(new SdpConnection("IN", "IP4", "203.0.113.5"), sdp.Connection);
        Assert.Equal(sdp.Connection, sdp.Media[0].Connection);
        Assert.Equal(new SdpRtcp(5010, sdp.Connection), sdp.Media[0].Rtcp);

        var v6 = Parse(SdpSamples.AudioVideoOffer).WithConnection("2001:db8::99");
        Assert.Equal(new SdpConnection("IN", "IP6", "2001:db8::99"), v6.Connection);
        Assert.Null(v6.Media[0].Connection); // media without their own c= keep inheriting
    }

    [Fact]
    public void With_media_port_replaces_or_drops_the_rtcp_attribute()
    {
        var sdp = Parse(SdpSamples.AudioVideoOffer);
        var moved = sdp.WithMediaPort(0, 30000);
        Assert.Equal(30000, moved.Media[0].Port);
        Assert.Null(moved.Media[0].Rtcp);
        Assert.Equal(sdp.Media[1], moved.Media[1]);

        var explicitRtcp = sdp.WithMediaPort(0, 30000, 30001);
        Assert.Equal(new SdpRtcp(30001), explicitRtcp.Media[0].Rtcp);
        Assert.Contains("a=rtcp:30001\r\n", explicitRtcp.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Version_bump_changes_only_the_origin_version()
    {
        var sdp = Parse(SdpSamples.AudioVideoOffer);
        var next = sdp.WithNextVersion();
        Assert.Equal(2890844527UL, next.Origin.SessionVersion);
        Assert.Equal(sdp with { Origin = sdp.Origin with { SessionVersion = 2890844527 } }, next);
        Assert.Equal(7UL, sdp.WithVersion(7).Origin.SessionVersion);
    }

    [Fact]
    public void Direction_and_format_edits()
    {
        var sdp = Parse(SdpSamples.AudioVideoOffer);
        var video = sdp.Media[1].WithDirection(SdpDirection.SendOnly);
        Assert.Equal(SdpDirection.SendOnly, video.Direction);
        Assert.Single(video.Attributes, a => a.Name is "sendonly" or "recvonly");
        Assert.Null(video.WithoutDirection().Direction);

        var onlyVp8 = sdp.Media[1].WithFormats(["96"]);
        Assert.Equal(["96"], onlyVp8.Formats);
        Assert.Null(onlyVp8.GetFmtp(97));
        Assert.DoesNotContain(onlyVp8.RtpMaps, m => m.PayloadType == 97);
        Assert.Contains(new SdpRtcpFeedback("*", "nack"), onlyVp8.RtcpFeedback);
        Assert.True(onlyVp8.RtcpMux);
        Assert.False(onlyVp8.WithoutAttribute("rtcp-mux").RtcpMux);
        Assert.Equal("x", onlyVp8.WithAttribute("label", "x").GetAttribute("label"));
    }

    [Fact]
    public void Values_compare_by_content()
    {
        Assert.Equal(Parse(SdpSamples.AudioVideoOffer), Parse(SdpSamples.AudioVideoOffer));
        Assert.NotEqual(Parse(SdpSamples.AudioVideoOffer), Parse(SdpSamples.AudioVideoOffer.Replace("PCMA", "PCMX", StringComparison.Ordinal)));
    }

    [Fact]
    public void Hold_detection_covers_direction_and_the_null_address()
    {
        Assert.True(SdpHold.IsOnHold(Parse(SdpSamples.OldHold)));
        Assert.True(SdpHold.IsOnHold(Parse(SdpSamples.Ipv6Audio))); // inactive
        var offer = Parse(SdpSamples.AudioVideoOffer);
        Assert.False(SdpHold.IsHeld(offer, 0));
        Assert.False(SdpHold.IsHeld(offer, 1)); // recvonly is not hold by the offerer
        Assert.False(SdpHold.IsOnHold(offer));

        var held = SdpHold.Hold(offer);
        Assert.Equal(SdpDirection.SendOnly, held.GetDirection(0));
        Assert.Equal(SdpDirection.Inactive, held.GetDirection(1));
        Assert.True(SdpHold.IsOnHold(held));

        var resumed = SdpHold.Resume(held);
        Assert.False(SdpHold.IsOnHold(resumed));
        Assert.Equal(SdpDirection.SendRecv, resumed.GetDirection(1));
        Assert.Null(resumed.Direction);
    }

    [Fact]
    public void Direction_helpers_mirror_and_intersect()
    {
        Assert.Equal(SdpDirection.RecvOnly, SdpDirection.SendOnly.Reverse());
        Assert.Equal(SdpDirection.SendOnly, SdpDirection.RecvOnly.Reverse());
        Assert.Equal(SdpDirection.Inactive, SdpDirection.Inactive.Reverse());
        Assert.Equal(SdpDirection.SendRecv, SdpDirection.SendRecv.Reverse());
        Assert.Equal(SdpDirection.Inactive, SdpDirection.SendOnly.Intersect(SdpDirection.RecvOnly));
        Assert.Equal(SdpDirection.RecvOnly, SdpDirection.SendRecv.Intersect(SdpDirection.RecvOnly));
    }
}
