using CallCluster.Gateway.Tests.Support;
using CallCluster.Sip.Message;
using Xunit.Abstractions;

namespace CallCluster.Gateway.Tests;

/// <summary>RFC 4028 with a 5 s session interval: a call nobody refreshes is reaped with BYE to both sides.</summary>
public sealed class SessionTimerTests(ITestOutputHelper output) : GatewayTestKit(output, TimeSpan.FromSeconds(5))
{
    [Fact]
    public void Unrefreshed_call_is_reaped_with_bye_on_both_legs()
    {
        using var alice = NewUa("alice");
        using var bob = NewUa("bob");
        Register(bob);
        var call = EstablishedCall.Start(alice, bob, "bob");

        var toAlice = alice.ExpectRequest("BYE");
        Assert.Equal(call.Caller.CallId, toAlice.CallId);
        alice.Reply(SipMessageFactory.CreateResponse(toAlice, 200, "OK"));
        var toBob = bob.ExpectRequest("BYE");
        Assert.Equal(call.CalleeInvite.CallId, toBob.CallId);
        bob.Reply(SipMessageFactory.CreateResponse(toBob, 200, "OK"));
    }
}
