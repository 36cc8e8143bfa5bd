using CallCluster.Actors.MediaProtocol;
using CallCluster.Actors.Sessions.Media;

namespace CallCluster.Actors.Tests.Sessions;

public sealed class SessionSdpTests
{
    private const string Offer =
        "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n" +
        "m=audio 4000 RTP/AVP 8 0 101\r\na=rtpmap:101 telephone-event/8000\r\na=sendonly\r\n" +
        "m=video 4002 RTP/AVP 100\r\nc=IN IP4 192.0.2.9\r\na=rtpmap:100 VP8/90000\r\na=rtcp-mux\r\n";

    [Fact]
    public void Configuration_takes_addresses_ports_codecs_and_direction_per_stream()
    {
        var streams = SessionSdp.Configure(Offer)!;
        Assert.Equal(2, streams.Count);
        var audio = streams[0];
        Assert.Equal((MediaKind.Audio, "192.0.2.1", 4000, 4001, MediaDirection.SendOnly), (audio.Kind, audio.RemoteAddress, audio.RemoteRtpPort, audio.RemoteRtcpPort, audio.Direction));
        Assert.Equal(["PCMA", "PCMU"], audio.Codecs.Select(c => c.Name));
        var video = streams[1];
        Assert.Equal(("192.0.2.9", 4002, true), (video.RemoteAddress, video.RemoteRtcpPort, video.RtcpMux));
        Assert.Equal(100, Assert.Single(video.Codecs).PayloadType);
    }

    [Fact]
    public void Answer_keeps_offer_order_payload_types_and_mirrors_direction()
    {
        var endpoint = new EndpointAllocated("s", "l", "ep-1", "198.51.100.1",
            [new AllocatedStream(MediaKind.Audio, 30000, 30001, false), new AllocatedStream(MediaKind.Video, 30002, 30002, true)]);
        var sdp = SessionSdp.Render(endpoint, Offer, 7);

        Assert.Contains("c=IN IP4 198.51.100.1\r\n", sdp);
        Assert.Contains("m=audio 30000 RTP/AVP 8 0\r\n", sdp);
        Assert.Contains("a=recvonly\r\n", sdp);
        Assert.Contains("m=video 30002 RTP/AVP 100\r\na=rtpmap:100 VP8/90000\r\na=rtcp-mux\r\n", sdp);
        Assert.True(sdp.IndexOf("m=audio", StringComparison.Ordinal) < sdp.IndexOf("m=video", StringComparison.Ordinal));
        Assert.Contains(" 7 IN IP4 198.51.100.1", sdp);
    }

    [Fact]
    public void Offer_without_remote_sdp_lists_default_codecs_and_streams_follow_the_offer()
    {
        var endpoint = new EndpointAllocated("s", "l", "ep-1", "2001:db8::1", [new AllocatedStream(MediaKind.Audio, 30000, 30001, false)]);
        var sdp = SessionSdp.Render(endpoint, null, 1);
        Assert.Contains("c=IN IP6 2001:db8::1", sdp);
        Assert.Contains("m=audio 30000 RTP/AVP 0 8\r\n", sdp);
        Assert.Contains("a=rtcp:30001\r\n", sdp);

        Assert.Equal(SessionSdp.DefaultStreams, SessionSdp.StreamsFor(null));
        var fromOffer = SessionSdp.StreamsFor(Offer);
        Assert.Equal([MediaKind.Audio, MediaKind.Video], fromOffer.Select(s => s.Kind));
        Assert.True(fromOffer[1].RtcpMux);
    }

    [Fact]
    public void Unusable_or_hostile_sdp_is_refused()
    {
        Assert.Null(SessionSdp.Configure("not sdp"));
        Assert.Null(SdpText.Parse(new string('a', SdpText.MaxLength + 1)));
        Assert.Null(SdpText.Parse(string.Concat(Enumerable.Repeat("m=audio 1 RTP/AVP 0\r\n", SdpText.MaxStreams + 1))));
        Assert.Null(SdpText.Parse("m=audio 99999 RTP/AVP 0\r\n"));
        Assert.Empty(SessionSdp.Configure("v=0\r\nm=audio 4000 RTP/AVP 18\r\n")!);
    }

    [Fact]
    public void Offered_stream_without_common_codec_is_refused_with_port_zero()
    {
        var endpoint = new EndpointAllocated("s", "l", "ep-1", "198.51.100.1", [new AllocatedStream(MediaKind.Audio, 30000, 30001, false)]);
        var sdp = SessionSdp.Render(endpoint, "v=0\r\nc=IN IP4 192.0.2.1\r\nm=audio 4000 RTP/AVP 0\r\nm=video 4002 RTP/AVP 98\r\na=rtpmap:98 AV1/90000\r\n", 1);
        Assert.Contains("m=video 0 RTP/AVP 98\r\n", sdp);
    }
}
