using System.Text;
using CallCluster.Sip.Message;

namespace CallCluster.Sip.Tests.Message;

public sealed class SipParserTests
{
    private static SipParseError Reject(string text, SipParserLimits? limits = null)
    {
        Assert.False(SipParser.TryParse(Encoding.UTF8.GetBytes(text), limits ?? SipParserLimits.Default, out var m, out var e));
        Assert.Null(m);
        return e;
    }

    private static string Replace(string what, string with) => SampleMessages.Invite.Replace(what, with, StringComparison.Ordinal);

    [Fact]
    public void Parses_a_typical_invite()
    {
        Assert.True(SipParser.TryParse(SampleMessages.InviteBytes, out var m, out var e), e.ToString());
        var r = Assert.IsType<SipRequest>(m);
        Assert.Equal("INVITE", r.Method);
        Assert.Equal("sip:bob@biloxi.example.com", r.RequestUriText);
        Assert.Equal(15, r.HeaderCount);
        Assert.Equal(SampleMessages.Sdp, Encoding.ASCII.GetString(r.Body.Span));
        Assert.Equal(SampleMessages.InviteBytes, r.ToBytes());
        Assert.True(r.IsRequest);
    }

    [Fact]
    public void In_place_parse_refers_to_the_buffer()
    {
        var bytes = SampleMessages.InviteBytes;
        Assert.True(SipParser.TryParseInPlace(bytes, SipParserLimits.Default, out var m, out _));
        Assert.True(m!.Raw.Span.Overlaps(bytes));
    }

    [Fact]
    public void Leading_blank_lines_are_skipped_and_only_blank_lines_are_empty()
    {
        Assert.True(SipParser.TryParse(Encoding.ASCII.GetBytes("\r\n\r\n" + SampleMessages.Invite), out var m, out _));
        Assert.Equal(SampleMessages.InviteBytes.Length, m!.Length);
        var e = Reject("\r\n\r\n");
        Assert.Equal(SipRejectReason.Empty, e.Reason);
        Assert.True(e.IsSilentDrop);
        Assert.Equal(SipRejectReason.Empty, Reject(string.Empty).Reason);
    }

    [Theory]
    [InlineData("INVITE sip:bob@biloxi.example.com SIP/2.0\r\n", "INVITE sip:bob@biloxi.example.com SIP/2.1\r\n", SipRejectReason.VersionNotSupported, 505)]
    [InlineData("INVITE sip:bob@biloxi.example.com SIP/2.0\r\n", "INVITE sip:bob@biloxi.example.com SIP/2.0 \r\n", SipRejectReason.InvalidRequestLine, 400)]
    [InlineData("INVITE sip:bob@biloxi.example.com SIP/2.0\r\n", "INVITE  sip:bob@biloxi.example.com SIP/2.0\r\n", SipRejectReason.InvalidRequestLine, 400)]
    [InlineData("INVITE sip:bob@biloxi.example.com SIP/2.0\r\n", "INV(TE sip:bob@biloxi.example.com SIP/2.0\r\n", SipRejectReason.InvalidRequestLine, 400)]
    [InlineData("INVITE sip:bob@biloxi.example.com SIP/2.0\r\n", "INVITE bob SIP/2.0\r\n", SipRejectReason.InvalidRequestUri, 400)]
    [InlineData("Max-Forwards: 70\r\n", "Max-Forwards: 256\r\n", SipRejectReason.InvalidMaxForwards, 400)]
    [InlineData("Max-Forwards: 70\r\n", "Max-Forwards: seventy\r\n", SipRejectReason.InvalidMaxForwards, 400)]
    [InlineData("CSeq: 314159 INVITE\r\n", "CSeq: 2147483648 INVITE\r\n", SipRejectReason.InvalidCSeq, 400)]
    [InlineData("CSeq: 314159 INVITE\r\n", "CSeq: 314159 BYE\r\n", SipRejectReason.InvalidCSeq, 400)]
    [InlineData("CSeq: 314159 INVITE\r\n", "CSeq: INVITE\r\n", SipRejectReason.InvalidCSeq, 400)]
    [InlineData("Call-ID: a84b4c76e66710@pc33.atlanta.example.com\r\n", "", SipRejectReason.MissingHeader, 400)]
    [InlineData("Call-ID: a84b4c76e66710@pc33.atlanta.example.com\r\n", "Call-ID: a\r\ni: b\r\n", SipRejectReason.DuplicateHeader, 400)]
    [InlineData("Content-Type: application/sdp\r\n", "Expires: 4294967296\r\n", SipRejectReason.InvalidExpires, 400)]
    [InlineData("Content-Type: application/sdp\r\n", "Content-Type application/sdp\r\n", SipRejectReason.InvalidHeaderLine, 400)]
    [InlineData("SIP/2.0\r\nVia:", "SIP/2.0\r\n Via:", SipRejectReason.InvalidHeaderLine, 400)]
    [InlineData("Content-Type: application/sdp\r\n", "Content-Type: application/sdp\n", SipRejectReason.InvalidLineEnding, 400)]
    public void Rejects_broken_requests_with_the_right_reason(string what, string with, SipRejectReason reason, int status)
    {
        var e = Reject(Replace(what, with));
        Assert.Equal(reason, e.Reason);
        Assert.Equal(status, e.ToStatusCode());
        Assert.False(e.IsResponse);
        Assert.False(string.IsNullOrEmpty(e.Detail));
    }

    [Theory]
    [InlineData("SIP/2.0 200 OK", "SIP/2.0 2000 OK", SipRejectReason.InvalidStatusCode)]
    [InlineData("SIP/2.0 200 OK", "SIP/2.0 099 OK", SipRejectReason.InvalidStatusCode)]
    [InlineData("SIP/2.0 200 OK", "SIP/3.0 200 OK", SipRejectReason.VersionNotSupported)]
    [InlineData("SIP/2.0 200 OK", "SIP/2.0", SipRejectReason.InvalidStatusLine)]
    [InlineData("Content-Length: 0", "Content-Length: 10", SipRejectReason.BodyTruncated)]
    public void Broken_responses_are_dropped(string what, string with, SipRejectReason reason)
    {
        Assert.False(SipParser.TryParse(Encoding.ASCII.GetBytes(SampleMessages.Ok200.Replace(what, with, StringComparison.Ordinal)), out _, out var e));
        Assert.Equal(reason, e.Reason);
        Assert.True(e.IsSilentDrop);
        Assert.Null(e.ToStatusCode());
    }

    [Fact]
    public void Limits_bound_size_header_count_and_line_length()
    {
        Assert.Equal(SipRejectReason.MessageTooLarge, Reject(SampleMessages.Invite, new SipParserLimits(MaxMessageSize: 500)).Reason);
        Assert.Equal(513, Reject(SampleMessages.Invite, new SipParserLimits(MaxMessageSize: 500)).ToStatusCode());
        Assert.Equal(SipRejectReason.TooManyHeaders, Reject(SampleMessages.Invite, new SipParserLimits(MaxHeaderCount: 10)).Reason);
        Assert.Equal(SipRejectReason.LineTooLong, Reject(SampleMessages.Invite, new SipParserLimits(MaxLineLength: 60)).Reason);
        Assert.True(SipParser.TryParse(SampleMessages.InviteBytes, new SipParserLimits(int.MaxValue, int.MaxValue, int.MaxValue), out _, out _));
        Assert.False(SipParser.TryParse(SampleMessages.InviteBytes, new SipParserLimits(MaxHeaderCount: -1), out _, out var none));
        Assert.Equal(SipRejectReason.TooManyHeaders, none.Reason);
        var longLine = new string('a', 100_000);
        Assert.Equal(SipRejectReason.MessageTooLarge, Reject(longLine).Reason);
        Assert.Equal(SipRejectReason.LineTooLong, Reject(longLine[..9000]).Reason);
    }

    [Fact]
    public void Folded_header_values_are_unfolded_when_read()
    {
        var m = Parse(Replace("Supported: timer, replaces\r\n", "Supported: timer,\r\n   replaces\r\n\t, 100rel\r\n"));
        Assert.Equal("timer, replaces , 100rel", m.GetHeaderValue("supported"));
        Assert.Equal(["timer", "replaces", "100rel"], m.Supported);
    }

    [Fact]
    public void Without_content_length_the_rest_of_the_datagram_is_the_body()
    {
        var m = Parse(Replace("Content-Length: " + SampleMessages.Sdp.Length + "\r\n", string.Empty));
        Assert.Null(m.ContentLength);
        Assert.Equal(SampleMessages.Sdp.Length, m.Body.Length);
    }

    [Fact]
    public void Every_proper_prefix_is_rejected_and_never_throws()
    {
        var bytes = SampleMessages.InviteBytes;
        for (var n = 0; n < bytes.Length; n++)
        {
            Assert.False(SipParser.TryParse(bytes.AsSpan(0, n), out var m, out var e));
            Assert.Null(m);
            Assert.True(e.IsError);
        }

        Assert.True(SipParser.TryParse(bytes, out _, out _));
    }

    [Fact]
    public void Every_split_point_reassembles_to_the_same_message()
    {
        var bytes = SampleMessages.InviteBytes;
        Assert.True(SipParser.TryParse(bytes, out var whole, out _));
        for (var split = 1; split < bytes.Length; split += 7)
        {
            var joined = bytes[..split].Concat(bytes[split..]).ToArray();
            Assert.True(SipParser.TryParse(joined, out var m, out _));
            Assert.Equal(whole!.ToBytes(), m!.ToBytes());
            Assert.Equal(whole.Via, m.Via);
        }
    }

    internal static SipRequest Parse(string text)
    {
        Assert.True(SipParser.TryParse(Encoding.UTF8.GetBytes(text), out var m, out var e), e.ToString());
        return Assert.IsType<SipRequest>(m);
    }
}
