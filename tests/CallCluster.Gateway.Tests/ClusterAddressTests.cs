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
}
