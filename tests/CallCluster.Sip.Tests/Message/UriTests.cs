using CallCluster.Sip.Message;
using CallCluster.Sip.Message.Headers;

namespace CallCluster.Sip.Tests.Message;

/// <summary>sip, sips, tel and opaque URIs: grammar, escapes, comparison and building.</summary>
public sealed class UriTests
{
    [Theory]
    [InlineData("sip:alice@atlanta.com", "sip", "alice", "atlanta.com", null)]
    [InlineData("sips:alice:secret@atlanta.com:5061;transport=tcp", "sips", "alice", "atlanta.com", 5061)]
    [InlineData("sip:+1-212-555-1212:1234@gateway.com;user=phone", "sip", "+1-212-555-1212", "gateway.com", null)]
    [InlineData("sip:192.0.2.4", "sip", null, "192.0.2.4", null)]
    [InlineData("SIP:[2001:db8::10]:5070", "sip", null, "[2001:db8::10]", 5070)]
    [InlineData("sip:atlanta.com;method=REGISTER?to=alice%40atlanta.com", "sip", null, "atlanta.com", null)]
    public void Sip_uris_parse(string text, string scheme, string? user, string host, int? port)
    {
        Assert.True(SipUri.TryParse(text, out var u));
        Assert.Equal(scheme, u.Scheme);
        Assert.Equal(user, u.User);
        Assert.Equal(host, u.Host);
        Assert.Equal(port, u.Port);
        Assert.Equal(text, u.ToString());
    }

    [Theory]
    [InlineData("sip:")]
    [InlineData("sip:@host")]
    [InlineData("sip:alice@")]
    [InlineData("sip:alice@host:99999")]
    [InlineData("sip:alice@host:")]
    [InlineData("sip:alice@[2001:db8::1")]
    [InlineData("sip:alice@host;;lr")]
    [InlineData("sip:al ice@host")]
    [InlineData("sip:alice@ho%st")]
    [InlineData("sip:2001:db8::10")]
    [InlineData("tel:")]
    [InlineData("1sip:x")]
    [InlineData("nocolon")]
    public void Malformed_uris_are_refused(string text) => Assert.False(SipUri.TryParse(text, out _));

    [Fact]
    public void Tel_and_opaque_uris()
    {
        var tel = SipUri.Parse("tel:+1-201-555-0123;phone-context=example.com");
        Assert.True(tel.IsTel);
        Assert.Equal("+1-201-555-0123", tel.User);
        Assert.Equal("example.com", tel.Parameters.GetParameter("phone-context"));
        var urn = SipUri.Parse("urn:alert:service:normal");
        Assert.Equal("urn", urn.Scheme);
        Assert.Equal("alert:service:normal", urn.SchemeSpecificPart);
    }

    [Theory]
    [InlineData("sip:%61lice@atlanta.com;transport=TCP", "sip:alice@AtLanTa.CoM;Transport=tcp", true)]
    [InlineData("sip:carol@chicago.com", "sip:carol@chicago.com;newparam=5", true)]
    [InlineData("sip:carol@chicago.com;security=on", "sip:carol@chicago.com;newparam=5", true)]
    [InlineData("sip:alice@atlanta.com", "sip:alice@atlanta.com:5060", false)]
    [InlineData("sip:bob@biloxi.com", "sips:bob@biloxi.com", false)]
    [InlineData("sip:Bob@biloxi.com", "sip:bob@biloxi.com", false)]
    [InlineData("sip:bob@biloxi.com;transport=udp", "sip:bob@biloxi.com", false)]
    [InlineData("sip:carol@chicago.com?Subject=next%20meeting", "sip:carol@chicago.com", false)]
    public void Uri_comparison_follows_rfc3261(string a, string b, bool equal)
    {
        Assert.Equal(equal, SipUri.Parse(a).Equals(SipUri.Parse(b)));
        if (equal)
        {
            Assert.Equal(SipUri.Parse(a).GetHashCode(), SipUri.Parse(b).GetHashCode());
        }
    }

    [Fact]
    public void Uri_builders_escape_and_edit()
    {
        var u = SipUri.Sip("a b@c", "example.com", 5080, parameters: [new SipParameter("transport", "tcp")]);
        Assert.Equal("sip:a%20b%40c@example.com:5080;transport=tcp", u.ToString());
        Assert.Equal("a b@c", u.User);
        Assert.True(u.WithParameter("lr").LooseRouting);
        Assert.Null(u.WithoutParameter("transport").Transport);
        Assert.Equal("sip:x@[::1]", SipUri.Sip("x", "[::1]").ToString());
        Assert.Throws<ArgumentException>(() => SipUri.Sip("x", "bad host"));
    }
}
