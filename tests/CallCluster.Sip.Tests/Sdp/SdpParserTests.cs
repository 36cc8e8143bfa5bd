using System.Net;
using System.Text;
using CallCluster.Sip.Sdp;

namespace CallCluster.Sip.Tests.Sdp;

public sealed class SdpParserTests
{
    private static SessionDescription Parse(string text)
    {
        Assert.True(SdpParser.TryParse(Encoding.UTF8.GetBytes(text), out var sdp, out var error), error.ToString());
        return sdp!;
    }

    [Fact]
    public void Parses_session_level_lines()
    {
        var sdp = Parse(SdpSamples.AudioVideoOffer);
        Assert.Equal(new SdpOrigin("alice", "2890844526", 2890844526, "IN", "IP4", "192.0.2.10"), sdp.Origin);
        Assert.Equal("-", sdp.SessionName);
        Assert.Equal(SdpConnection.Create("192.0.2.10"), sdp.Connection);
        Assert.Equal([new SdpBandwidth("AS", 2048)], sdp.Bandwidths);
        Assert.Equal(SdpTiming.Unbounded, Assert.Single(sdp.Timings));
        Assert.Equal(SdpDirection.SendRecv, sdp.Direction);
        Assert.Equal(2, sdp.Media.Count);
    }

    [Fact]
    public void Parses_audio_media_with_rtpmap_fmtp_ptime_and_rtcp()
    {
        var audio = Parse(SdpSamples.AudioVideoOffer).Media[0];
        Assert.True(audio.IsAudio);
        Assert.Equal(49170, audio.Port);
        Assert.Equal("RTP/AVP", audio.Protocol);
        Assert.Equal([0, 8, 101], audio.PayloadTypes);
        Assert.Equal(new RtpMap(8, "PCMA", 8000), audio.GetRtpMap(8));
        Assert.Equal("0-16", audio.GetFmtp(101)!.Parameters);
        Assert.Equal(101, audio.FindPayloadType("telephone-event"));
        Assert.Equal(20, audio.Ptime);
        Assert.Equal(new SdpRtcp(49171), audio.Rtcp);
        Assert.False(audio.RtcpMux);
        Assert.Null(audio.Direction);
    }

    [Fact]
    public void Parses_video_media_with_feedback_mux_and_direction()
    {
        var sdp = Parse(SdpSamples.AudioVideoOffer);
        var video = sdp.Media[1];
        Assert.True(video.IsVideo);
        Assert.Equal("RTP/AVPF", video.Protocol);
        Assert.Equal([new SdpBandwidth("TIAS", 1500000)], video.Bandwidths);
        Assert.Equal("1", video.GetFmtp(97)!.GetParameter("packetization-mode"));
        Assert.Equal("42e01f", video.GetFmtp(97)!.GetParameter("PROFILE-LEVEL-ID"));
        Assert.Equal(
            [new SdpRtcpFeedback("96", "nack", "pli"), new SdpRtcpFeedback("96", "ccm", "fir"), new SdpRtcpFeedback("*", "nack")],
            video.RtcpFeedback);
        Assert.True(video.RtcpMux);
        Assert.Equal(SdpDirection.RecvOnly, video.Direction);
        Assert.Equal(SdpDirection.RecvOnly, sdp.GetDirection(1)); // media-level overrides session-level
        Assert.Equal(SdpDirection.SendRecv, sdp.GetDirection(0)); // inherits session-level
        Assert.Equal(sdp.Connection, sdp.GetConnection(1));
    }

    [Fact]
    public void Parses_ipv6_and_the_rarer_session_lines()
    {
        var sdp = Parse(SdpSamples.Ipv6Audio);
        Assert.Equal("IP6", sdp.Origin.AddressType);
        Assert.Equal("an IPv6 call", sdp.Information);
        Assert.Equal("http://example.com/call", sdp.Uri);
        Assert.Equal(["ops@example.com"], sdp.Emails);
        Assert.Equal(["+1 555 0100"], sdp.Phones);
        Assert.Equal(["7d 1h 0 25h"], sdp.Timings[0].Repeats);
        Assert.Equal("2882844526 -1h 2898848070 0", sdp.TimeZones);
        Assert.Null(sdp.Connection);
        var audio = sdp.Media[0];
        Assert.Equal(2, audio.PortCount);
        Assert.True(sdp.GetConnection(0)!.TryGetIPAddress(out var address));
        Assert.Equal(IPAddress.Parse("2001:db8::2"), address);
        Assert.Equal(new SdpRtcp(5010, new SdpConnection("IN", "IP6", "2001:db8::3")), audio.Rtcp);
        Assert.Equal(40, audio.MaxPtime);
        Assert.Equal(SdpDirection.Inactive, sdp.GetDirection(0));
        Assert.Equal(new RtpMap(8, "PCMA", 8000), audio.GetRtpMap(8)); // static, no rtpmap line
    }

    [Fact]
    public void Accepts_bare_lf_line_ends_and_a_missing_final_newline()
    {
        var sdp = Parse("v=0\no=- 1 1 IN IP4 10.0.0.1\ns=-\nt=0 0\nm=audio 4000 RTP/AVP 0");
        Assert.Equal(4000, sdp.Media[0].Port);
    }

    [Theory]
    [InlineData("", SdpRejectReason.Empty, 0)]
    [InlineData("\r\n\r\n", SdpRejectReason.Empty, 0)]
    [InlineData("o=- 1 1 IN IP4 1.2.3.4\r\n", SdpRejectReason.MissingVersion, 1)]
    [InlineData("v=1\r\n", SdpRejectReason.UnsupportedVersion, 1)]
    [InlineData("v=0\r\ns=-\r\n", SdpRejectReason.MissingOrigin, 0)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\nt=0 0\r\n", SdpRejectReason.MissingSessionName, 0)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\nm=audio 1 RTP/AVP 0\r\n", SdpRejectReason.MissingSessionName, 3)]
    [InlineData("v=0\r\no=- 1 x IN IP4 1.2.3.4\r\n", SdpRejectReason.InvalidOrigin, 2)]
    [InlineData("v=0\r\no=- 1 1 IN IP4\r\n", SdpRejectReason.InvalidOrigin, 2)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nc=IN IP5 1.2.3.4\r\n", SdpRejectReason.InvalidConnection, 4)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nb=AS\r\n", SdpRejectReason.InvalidBandwidth, 4)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nt=0\r\n", SdpRejectReason.InvalidTiming, 4)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nr=1d 1h 0\r\n", SdpRejectReason.MisplacedLine, 4)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nm=audio 70000 RTP/AVP 0\r\n", SdpRejectReason.InvalidMedia, 4)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nm=audio 1000 RTP/AVP\r\n", SdpRejectReason.InvalidMedia, 4)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nm=audio\r\n", SdpRejectReason.InvalidMedia, 4)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nm=audio 1 RTP/AVP 0\r\nt=0 0\r\n", SdpRejectReason.MisplacedLine, 5)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nm=audio 1 RTP/AVP 0\r\na=rtpmap:0 PCMU\r\n", SdpRejectReason.InvalidAttribute, 5)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nm=audio 1 RTP/AVP 0\r\na=rtpmap:200 X/8000\r\n", SdpRejectReason.InvalidAttribute, 5)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nm=audio 1 RTP/AVP 0\r\na=rtcp:abc\r\n", SdpRejectReason.InvalidAttribute, 5)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\na=\r\n", SdpRejectReason.InvalidAttribute, 4)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nx=unknown\r\n", SdpRejectReason.UnknownLineType, 4)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nthis is not sdp\r\n", SdpRejectReason.MalformedLine, 4)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\no=- 1 1 IN IP4 1.2.3.4\r\n", SdpRejectReason.MisplacedLine, 3)]
    [InlineData("v=0\r\nv=0\r\n", SdpRejectReason.MisplacedLine, 2)]
    public void Rejects_bad_descriptions_with_reason_and_line(string text, SdpRejectReason reason, int line)
    {
        Assert.False(SdpParser.TryParse(Encoding.UTF8.GetBytes(text), out var sdp, out var error));
        Assert.Null(sdp);
        Assert.Equal(new SdpParseError(reason, line), error);
    }

    [Fact]
    public void Rejects_invalid_utf8()
    {
        byte[] bytes = [.. "v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns="u8, 0xC3, 0x28, (byte)'\r', (byte)'\n'];
        Assert.False(SdpParser.TryParse(bytes, out _, out var error));
        Assert.Equal(SdpRejectReason.InvalidEncoding, error.Reason);
    }

    [Fact]
    public void Enforces_the_limits()
    {
        var limits = new SdpParserLimits(MaxSize: 400, MaxLines: 10, MaxLineLength: 40, MaxMediaDescriptions: 1);
        var header = "v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\n";
        Assert.Equal(SdpRejectReason.TooLarge, Reject(header + new string('\n', 400), limits));
        Assert.Equal(SdpRejectReason.TooManyLines, Reject(header + string.Concat(Enumerable.Repeat("a=x\r\n", 7)), limits));
        Assert.Equal(SdpRejectReason.LineTooLong, Reject(header + "a=" + new string('x', 40) + "\r\n", limits));
        Assert.Equal(SdpRejectReason.TooManyMediaDescriptions, Reject(header + "m=audio 1 RTP/AVP 0\r\nm=video 2 RTP/AVP 96\r\n", limits));
    }

    [Fact]
    public void Corrupted_descriptions_never_throw()
    {
        var original = Encoding.UTF8.GetBytes(SdpSamples.AudioVideoOffer);
        var random = new Random(8866);
        var buffer = new List<byte>(original.Length * 2);
        byte[] interesting = [(byte)'\r', (byte)'\n', (byte)' ', (byte)'=', (byte)':', (byte)'/', (byte)'0', (byte)'9', (byte)'m', (byte)'a', 0x00, 0xFF];
        int rejected = 0;
        for (int i = 0; i < 20_000; i++)
        {
            buffer.Clear();
            buffer.AddRange(original);
            int edits = 1 + random.Next(4);
            for (int e = 0; e < edits && buffer.Count > 0; e++)
            {
                int at = random.Next(buffer.Count);
                byte value = random.Next(2) == 0 ? interesting[random.Next(interesting.Length)] : (byte)random.Next(256);
                switch (random.Next(3))
                {
                    case 0: buffer[at] = value; break;
                    case 1: buffer.Insert(at, value); break;
                    default: buffer.RemoveAt(at); break;
                }
            }

            var bytes = buffer.ToArray();
            int length = random.Next(4) == 0 ? random.Next(bytes.Length + 1) : bytes.Length;
            bool ok = SdpParser.TryParse(bytes.AsSpan(0, length), out var sdp, out var error);
            Assert.Equal(ok, sdp is not null);
            Assert.Equal(ok, error.Reason == SdpRejectReason.None);
            if (ok)
            {
                Assert.True(SdpParser.TryParse(sdp!.ToBytes(), out var again, out _)); // what was accepted serialises to something accepted
                Assert.Equal(sdp, again);
            }
            else
            {
                rejected++;
            }
        }

        Assert.True(rejected > 0);
    }

    private static SdpRejectReason Reject(string text, SdpParserLimits limits)
    {
        Assert.False(SdpParser.TryParse(Encoding.UTF8.GetBytes(text), limits, out _, out var error));
        return error.Reason;
    }
}
