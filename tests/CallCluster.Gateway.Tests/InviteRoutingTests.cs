using CallCluster.Gateway.Tests.Support;
using Xunit.Abstractions;

namespace CallCluster.Gateway.Tests;

public sealed class InviteRoutingTests(ITestOutputHelper output) : GatewayTestKit(output)
{
    [Fact]
    public void Unauthenticated_invite_from_a_subscriber_gets_407_with_sha256_and_md5()
    {
        using var alice = NewUa("alice");
        var response = new Caller(alice, "bob").SendUnauthenticated();
        Assert.Equal(407, response.StatusCode);
        Assert.Equal(2, response.ProxyAuthenticate.Count);
    }

    [Fact]
    public void Invite_to_an_unknown_user_gets_404()
    {
        using var alice = NewUa("alice");
        var caller = new Caller(alice, "nobody");
        var text = caller.SendAuthenticated();
        var response = alice.ExpectResponse(r => r.StatusCode >= 200);
        Assert.Equal(404, response.StatusCode);
        alice.Send(SipText.AckFor(text, response));
    }

    [Fact]
    public void Invite_to_a_known_user_without_registration_gets_480()
    {
        using var alice = NewUa("alice");
        var caller = new Caller(alice, "carol");
        var text = caller.SendAuthenticated();
        var response = alice.ExpectResponse(r => r.StatusCode >= 200);
        Assert.Equal(480, response.StatusCode);
        alice.Send(SipText.AckFor(text, response));
    }

    [Fact]
    public void Invite_with_max_forwards_zero_gets_483()
    {
        using var alice = NewUa("alice");
        var uri = $"sip:bob@{SipText.Domain}";
        var text = SipText.Request(alice, "INVITE", uri, uri, SipText.NewId(), 1, "f1", body: SipText.Sdp).Replace("Max-Forwards: 70", "Max-Forwards: 0");
        alice.Send(text);
        var response = alice.ExpectResponse(r => r.StatusCode >= 200);
        Assert.Equal(483, response.StatusCode);
    }

    [Fact]
    public void Invite_carrying_our_own_via_is_a_loop_482()
    {
        using var alice = NewUa("alice");
        var uri = $"sip:bob@{SipText.Domain}";
        var text = SipText.Request(alice, "INVITE", uri, uri, SipText.NewId(), 1, "f1", body: SipText.Sdp,
            extra: $"Via: SIP/2.0/UDP {Handle.Advertised.SentBy};branch=z9hG4bKcc~s1~l1~n1");
        alice.Send(text);
        Assert.Equal(482, alice.ExpectResponse(r => r.StatusCode >= 200).StatusCode);
    }
}
