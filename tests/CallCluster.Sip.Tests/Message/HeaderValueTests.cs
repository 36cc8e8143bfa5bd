using CallCluster.Sip.Message;
using CallCluster.Sip.Message.Headers;

namespace CallCluster.Sip.Tests.Message;

public sealed class HeaderValueTests
{
    private static SipRequest Invite => SipParserTests.Parse(SampleMessages.Invite);

    [Fact]
    public void Typed_accessors_of_a_typical_invite()
    {
        var m = Invite;
        Assert.Equal(2, m.Via.Count);
        Assert.True(m.TopVia!.HasRPort);
        Assert.Null(m.TopVia.RPort);
        Assert.Equal(5060, m.TopVia.Port);
        Assert.True(m.TopVia.HasMagicCookie);
        Assert.Equal("[2001:db8::1]", m.Via[1].Host);
        Assert.Equal(5061, m.Via[1].Port);
        Assert.Equal("192.0.2.1", m.Via[1].Received);
        Assert.Equal(["sip:proxy.example.com;lr", "sip:edge.example.com;lr"], m.Route.Select(r => r.Uri.ToString()));
        Assert.Equal("Bob", m.To!.DisplayName);
        Assert.Null(m.To.Tag);
        Assert.Equal("Alice \"A\"", m.From!.DisplayName);
        Assert.Equal(new SipCSeq(314159, "INVITE"), m.CSeq);
        var contact = Assert.Single(m.Contact);
        Assert.Equal(3600, contact.Expires);
        Assert.Equal(0.7, contact.Q);
        Assert.Equal("tcp", contact.Uri!.Transport);
        Assert.Equal(["timer", "replaces"], m.Supported);
        Assert.Equal(5, m.Allow.Count);
        Assert.Equal(1800, m.SessionExpires!.DeltaSeconds);
        Assert.Equal("uac", m.SessionExpires.Refresher);
        Assert.Equal("phone", Assert.Single(m.PAssertedIdentity).Uri.UserParameter);
        Assert.Equal(SampleMessages.Sdp.Length, m.ContentLength);
        Assert.Empty(m.Require);
        Assert.Null(m.Replaces);
        Assert.Null(m.Expires);
    }

    [Fact]
    public void Typed_values_are_cached()
    {
        var m = Invite;
        Assert.Same(m.Via, m.Via);
        Assert.Same(m.From, m.From);
    }

    [Fact]
    public void Compact_and_long_names_match_in_any_case()
    {
        var m = SipParserTests.Parse(SampleMessages.Invite.Replace("Call-ID:", "i:", StringComparison.Ordinal).Replace("Contact:", "CONTACT:", StringComparison.Ordinal));
        Assert.Equal("a84b4c76e66710@pc33.atlanta.example.com", m.CallId);
        Assert.Equal(m.GetHeaderValue("call-id"), m.GetHeaderValue("I"));
        Assert.True(m.HasHeader("m"));
        Assert.Single(m.Contact);
        Assert.Equal(SipHeaderId.CallId, SipHeaderNames.Lookup("i"));
        Assert.Equal(SipHeaderId.SessionExpires, SipHeaderNames.Lookup("x"));
        Assert.Equal(SipHeaderId.Unknown, SipHeaderNames.Lookup("X-Custom"));
    }

    [Fact]
    public void Several_values_and_several_lines_are_combined_in_order()
    {
        var m = SipParserTests.Parse(SampleMessages.Invite.Replace("Max-Forwards: 70\r\n",
            "Max-Forwards: 70\r\nRecord-Route: <sip:a.example.com;lr>\r\nRecord-Route: <sip:b.example.com;lr>, <sip:c.example.com;lr>\r\n", StringComparison.Ordinal));
        Assert.Equal(["a.example.com", "b.example.com", "c.example.com"], m.RecordRoute.Select(r => r.Uri.Host));
        Assert.Equal(2, m.GetHeaderValues("Record-Route").Count);
    }

    [Theory]
    [InlineData("\"A. G. Bell\" <sip:agb@bell-telephone.com> ;tag=a48s", "A. G. Bell", "a48s")]
    [InlineData("Anonymous <sip:c8oqz84zk7z@privacy.org>;tag=hyh8", "Anonymous", "hyh8")]
    [InlineData("sip:+12125551212@server.phone2net.com;tag=887s", null, "887s")]
    [InlineData("<sip:bob@biloxi.com>", null, null)]
    [InlineData("Mr Big Boss<sip:boss@example.com>", "Mr Big Boss", null)]
    public void Name_addresses_parse(string text, string? display, string? tag)
    {
        Assert.True(NameAddress.TryParse(text, out var a));
        Assert.Equal(display, a.DisplayName);
        Assert.Equal(tag, a.Tag);
        Assert.True(NameAddress.TryParse(a.ToString(), out var again));
        Assert.Equal(a, again);
    }

    [Theory]
    [InlineData("\"unterminated <sip:a@b>")]
    [InlineData("<sip:a@b")]
    [InlineData("< sip:a@b >")]
    [InlineData("Bell, Alexander <sip:a@b>")]
    [InlineData("<sip:a@b>;")]
    [InlineData("<sip:a@b>;tag=")]
    [InlineData("")]
    public void Malformed_name_addresses_are_refused(string text) => Assert.False(NameAddress.TryParse(text, out _));

    [Theory]
    [InlineData("SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1;rport=5060;received=192.0.2.9;ttl=16;maddr=224.2.0.1", true)]
    [InlineData("SIP / 2.0 / TLS host.example.com:5061 ; branch = z9hG4bK2", true)]
    [InlineData("SIP/2.0/UDP 192.0.2.1;ttl=256", false)]
    [InlineData("SIP/2.0/UDP 192.0.2.1;rport=x", false)]
    [InlineData("SIP/2.0/UDP 192.0.2.1;received=host.example.com", false)]
    [InlineData("SIP/2.0/UDP 192.0.2.1:70000", false)]
    [InlineData("SIP/2.0 192.0.2.1", false)]
    [InlineData("SIP/2.0/UDP", false)]
    [InlineData("SIP/2.0/UDP 192.0.2.15;;,;,,", false)]
    public void Via_grammar(string text, bool valid)
    {
        Assert.Equal(valid, SipVia.TryParse(text, out var v));
        if (valid)
        {
            Assert.StartsWith("z9hG4bK", v!.Branch, StringComparison.Ordinal);
            Assert.True(SipVia.TryParse(v.ToString(), out var again));
            Assert.Equal(v, again);
        }
    }

    [Fact]
    public void Via_edits_for_received_and_rport()
    {
        Assert.True(SipVia.TryParse("SIP/2.0/UDP pc33.example.com;branch=z9hG4bK1;rport", out var v));
        var updated = v.WithReceived("192.0.2.7").WithRPort(5099);
        Assert.Equal("192.0.2.7", updated.Received);
        Assert.Equal(5099, updated.RPort);
        Assert.Equal("SIP/2.0/UDP pc33.example.com;branch=z9hG4bK1;rport=5099;received=192.0.2.7", updated.ToString());
    }

    [Fact]
    public void Digest_challenge_and_credentials_give_their_parameters()
    {
        Assert.True(SipParser.TryParse(SampleMessages.Ok200Bytes, out var m, out _));
        var challenge = Assert.Single(m!.WwwAuthenticate);
        Assert.True(challenge.IsDigest);
        Assert.Equal("atlanta.example.com", challenge.Get("realm"));
        Assert.Equal("SHA-256", challenge.Get("algorithm"));
        Assert.Equal("FALSE", challenge.Get("stale"));
        Assert.True(challenge.Parameters[0].Quoted);
        Assert.True(SipAuthHeader.TryParse("Digest username=\"bob\", realm=\"b.com\", nonce=\"n\", uri=\"sip:b.com\", response=\"abc\", nc=00000001, cnonce=\"x\", qop=auth", out var cred));
        Assert.Equal("sip:b.com", cred.Get("uri"));
        Assert.Equal("00000001", cred.Get("nc"));
        Assert.True(SipAuthHeader.TryParse("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", out var basic));
        Assert.Equal("QWxhZGRpbjpvcGVuIHNlc2FtZQ==", basic.Token68);
        var several = new List<SipAuthHeader>();
        Assert.True(SipAuthHeader.TryParseList("Digest realm=\"a\", nonce=\"1\", Digest realm=\"b\", nonce=\"2\", algorithm=SHA-256", several));
        Assert.Equal(["a", "b"], several.Select(s => s.Get("realm")));
        Assert.False(SipAuthHeader.TryParse("Digest realm=\"open", out _));
    }

    [Fact]
    public void Contact_star_expires_and_q()
    {
        var m = SipParserTests.Parse(SampleMessages.Invite.Replace("Contact: <sip:alice@pc33.atlanta.example.com;transport=tcp>;expires=3600;q=0.7", "Contact: *", StringComparison.Ordinal));
        Assert.True(Assert.Single(m.Contact).IsWildcard);
        var bad = SipParserTests.Parse(SampleMessages.Invite.Replace("q=0.7", "q=1.5", StringComparison.Ordinal));
        Assert.False(bad.IsWellFormed(SipHeaderId.Contact));
        Assert.Empty(bad.Contact);
    }

    [Fact]
    public void Session_timer_answer_mode_info_reason_refer_and_replaces()
    {
        var text = SampleMessages.Invite.Replace("Supported: timer, replaces\r\n",
            "Min-SE: 90\r\nAnswer-Mode: Auto;require\r\nPriv-Answer-Mode: Manual\r\n" +
            "Call-Info: <http://www.example.com/alice/photo.jpg> ;purpose=icon, <http://www.example.com/alice/> ;purpose=info\r\n" +
            "Alert-Info: <urn:alert:service:call-waiting>\r\n" +
            "Reason: Q.850;cause=16;text=\"Terminated\", SIP;cause=200;text=\"Call completed elsewhere\"\r\n" +
            "Refer-To: <sip:carol@example.com?Replaces=12345%40192.0.2.1%3Bto-tag%3D42%3Bfrom-tag%3D24>\r\n" +
            "Replaces: 98732@sip.example.com;from-tag=r33th4x0r;to-tag=ff87ff;early-only\r\n", StringComparison.Ordinal);
        var m = SipParserTests.Parse(text);
        Assert.Equal(90, m.MinSE);
        Assert.True(m.AnswerMode!.IsAuto);
        Assert.True(m.AnswerMode.IsRequired);
        Assert.False(m.PrivAnswerMode!.IsAuto);
        Assert.Equal(["icon", "info"], m.CallInfo.Select(c => c.Purpose!));
        Assert.Equal("urn:alert:service:call-waiting", Assert.Single(m.AlertInfo).Uri);
        Assert.Equal([16, 200], m.Reason.Select(r => r.Cause!.Value));
        Assert.Equal("Call completed elsewhere", m.Reason[1].Text);
        var referReplaces = UriEscaping.Unescape(m.ReferTo!.Uri.Headers.GetParameter("Replaces"));
        Assert.True(SipReplaces.TryParse(referReplaces, out var fromRefer));
        Assert.Equal(new SipReplaces("12345@192.0.2.1", "42", "24"), fromRefer);
        Assert.Equal(new SipReplaces("98732@sip.example.com", "ff87ff", "r33th4x0r", true), m.Replaces);
    }

    [Fact]
    public void Malformed_typed_headers_read_as_null_or_empty_and_are_reported()
    {
        var m = SipParserTests.Parse(SampleMessages.Invite
            .Replace("To: Bob <sip:bob@biloxi.example.com>", "To: Bob <sip:bob@biloxi.example.com", StringComparison.Ordinal)
            .Replace("Session-Expires: 1800;refresher=uac", "Session-Expires: soon", StringComparison.Ordinal));
        Assert.Null(m.To);
        Assert.False(m.IsWellFormed(SipHeaderId.To));
        Assert.Null(m.SessionExpires);
        Assert.False(m.IsWellFormed(SipHeaderId.SessionExpires));
        Assert.True(m.IsWellFormed(SipHeaderId.From));
        Assert.True(m.IsWellFormed(SipHeaderId.Unknown));
        Assert.False(SipRequestValidator.TryValidate(m, out var error));
        Assert.Equal(SipRejectReason.InvalidHeaderValue, error.Reason);
    }

    [Fact]
    public void Long_comma_lists_are_read_element_by_element()
    {
        var contacts = string.Join(", ", Enumerable.Range(0, 2_000).Select(i => $"sip:u{i}@h.example.com;expires={i}"));
        var text = SampleMessages.Invite.Replace("Contact: <sip:alice@pc33.atlanta.example.com;transport=tcp>;expires=3600;q=0.7", "Contact: " + contacts, StringComparison.Ordinal);
        Assert.True(SipParser.TryParse(System.Text.Encoding.ASCII.GetBytes(text), new SipParserLimits(MaxMessageSize: 1_000_000, MaxLineLength: 1_000_000), out var m, out var e), e.ToString());
        Assert.Equal(2_000, m!.Contact.Count);
        Assert.Equal(1_999, m.Contact[^1].Expires);
        Assert.Equal("u1999", m.Contact[^1].Uri!.User);
    }
}
