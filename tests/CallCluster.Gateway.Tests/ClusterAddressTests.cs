using CallCluster.Actors.Sessions;
using CallCluster.Gateway.Wire;
using CallCluster.Sip.Message;

namespace CallCluster.Gateway.Tests;

public sealed class ClusterAddressTests
{
    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef", "0123456789abcdef0123456789abcdef.2")]
    [InlineData("with space/and~tilde", "x-leg")]
    public void Contact_and_branch_carry_session_and_leg(string session, string leg)
    {
        var address = new ClusterAddress("192.0.2.10", 5060);
        var contact = SipUri.Parse(address.ContactFor(new SessionId(session), new LegId(leg)));
        Assert.Equal("192.0.2.10", contact.Host);
        Assert.True(ClusterAddress.TryReadUri(contact, out var s, out var l));
        Assert.Equal(session, s!.Value);
        Assert.Equal(leg, l!.Value);

        var branch = ClusterAddress.BranchFor(new SessionId(session), new LegId(leg), "n1");
        Assert.StartsWith("z9hG4bK", branch);
        Assert.True(ClusterAddress.TryReadBranch(branch, out s, out l));
        Assert.Equal(session, s!.Value);
        Assert.Equal(leg, l!.Value);
    }

    [Theory]
    [InlineData("sip:bob@192.0.2.1")]
    [InlineData("sip:gw@192.0.2.1;cc-s=abc")]
    [InlineData("sip:gw@192.0.2.1;cc-s=xZZ;cc-l=1")]
    public void Foreign_uris_carry_no_session(string uri)
    {
        Assert.False(ClusterAddress.TryReadUri(SipUri.Parse(uri), out _, out _));
    }

    [Fact]
    public void Foreign_branches_carry_no_session()
    {
        Assert.False(ClusterAddress.TryReadBranch("z9hG4bK776asdhds", out _, out _));
        Assert.False(ClusterAddress.TryReadBranch("z9hG4bKcc~only-one", out _, out _));
        Assert.False(ClusterAddress.TryReadBranch(null, out _, out _));
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef", "i0123456789abcdef-1a2b3c4d")]
    [InlineData("with space/and~tilde", "x-leg")]
    public void Dialog_tags_carry_session_and_leg_and_route_requests_without_our_contact(string session, string leg)
    {
        var tag = ClusterAddress.TagFor(new SessionId(session), new LegId(leg), "0011223344556677");
        var bye = System.Text.Encoding.ASCII.GetBytes(
            "BYE sip:+441234@127.0.0.1:5060 SIP/2.0\r\n" +
            "Via: SIP/2.0/UDP 127.0.0.3:5071;branch=z9hG4bK-1\r\n" +
            "From: <sip:sipp@127.0.0.3:5071>;tag=caller-1\r\n" +
            $"To: <sip:+441234@127.0.0.1:5060>;tag={tag}\r\n" +
            "Call-ID: c1@127.0.0.3\r\nCSeq: 2 BYE\r\nContent-Length: 0\r\n\r\n");
        Assert.True(SipParser.TryParse(bye, out var message, out _));

        Assert.True(ClusterAddress.TryReadInDialog((SipRequest)message!, out var s, out var l));
        Assert.Equal(session, s!.Value);
        Assert.Equal(leg, l!.Value);
        Assert.False(ClusterAddress.TryReadTag("a1b2c3", out _, out _));
        Assert.False(ClusterAddress.TryReadTag("cc~only-one-part", out _, out _));
    }
}
