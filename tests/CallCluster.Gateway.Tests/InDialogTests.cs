using System.Text;
using CallCluster.Gateway.Tests.Support;
using CallCluster.Sip.Message;
using Xunit.Abstractions;

namespace CallCluster.Gateway.Tests;

/// <summary>Requests inside an established dialog, routed by the session and leg in our Contact.</summary>
public sealed class InDialogTests(ITestOutputHelper output) : GatewayTestKit(output)
{
    [Fact]
    public void Update_refresh_is_answered_200_with_session_expires()
    {
        using var alice = NewUa("alice");
        using var bob = NewUa("bob");
        Register(bob);
        var call = EstablishedCall.Start(alice, bob, "bob");
        alice.Send(call.CallerRequest("UPDATE", 10, extra: ["Supported: timer", "Session-Expires: 600"]));
        var ok = alice.ExpectResponse(r => r.CSeq?.Method == "UPDATE");
        Assert.Equal(200, ok.StatusCode);
        Assert.Equal(600, ok.SessionExpires!.DeltaSeconds);
        Assert.Equal("uac", ok.SessionExpires.Refresher);
    }

    [Fact]
    public void Reinvite_refresh_without_sdp_gets_200_with_the_current_sdp_and_is_retransmitted_until_acked()
    {
        using var alice = NewUa("alice");
        using var bob = NewUa("bob");
        Register(bob);
        var call = EstablishedCall.Start(alice, bob, "bob");
        alice.Send(call.CallerRequest("INVITE", 11, extra: "Supported: timer"));
        // CSeq 11 only: a late retransmission of the call's first 200 (CSeq 2) may still arrive.
        var ok = alice.ExpectResponse(r => r.CSeq?.Method == "INVITE" && r.CSeq.Number == 11 && r.StatusCode >= 200);
        Assert.Equal(200, ok.StatusCode);
        Assert.Contains("m=audio", Encoding.UTF8.GetString(ok.Body.Span));
        Assert.NotNull(ok.SessionExpires);

        // No ACK yet: the 2xx comes again (RFC 3261 13.3.1.4).
        alice.ExpectResponse(r => r.CSeq?.Method == "INVITE" && r.CSeq.Number == 11 && r.StatusCode == 200);
        alice.Send(call.CallerRequest("ACK", 11));
    }

    [Fact]
    public void Callee_hangs_up_and_the_caller_gets_bye_in_its_own_dialog()
    {
        using var alice = NewUa("alice");
        using var bob = NewUa("bob");
        Register(bob);
        var call = EstablishedCall.Start(alice, bob, "bob");
        var invite = call.CalleeInvite;
        var bye = $"BYE {invite.Contact[0].Uri} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{bob.Port};branch={SipText.NewBranch()}\r\nMax-Forwards: 70\r\n" +
                  $"From: {invite.GetHeaderValue("To")};tag=callee\r\nTo: {invite.GetHeaderValue("From")}\r\nCall-ID: {invite.CallId}\r\nCSeq: 1 BYE\r\nContent-Length: 0\r\n\r\n";
        bob.Send(bye);
        Assert.Equal(200, bob.ExpectResponse(r => r.CSeq?.Method == "BYE").StatusCode);

        var toAlice = alice.ExpectRequest("BYE");
        Assert.Equal(call.Caller.CallId, toAlice.CallId);
        Assert.Equal(call.Caller.FromTag, toAlice.To!.Tag);
        Assert.Equal(call.CallerToTag, toAlice.From!.Tag);
        Assert.Equal(alice.Contact, toAlice.RequestUriText);
        alice.Reply(SipMessageFactory.CreateResponse(toAlice, 200, "OK"));
    }

    [Fact]
    public void In_dialog_request_for_an_unknown_session_gets_481()
    {
        using var alice = NewUa("alice");
        var uri = $"sip:gw@{Handle.Advertised.SentBy};cc-s=0000;cc-l=0000.1";
        alice.Send(SipText.Request(alice, "BYE", uri, $"sip:bob@{SipText.Domain}", "nope", 5, "f1", toTag: "t1"));
        Assert.Equal(481, alice.ExpectResponse().StatusCode);
    }

    [Fact]
    public void In_dialog_request_without_cluster_parameters_gets_481()
    {
        using var alice = NewUa("alice");
        alice.Send(SipText.Request(alice, "BYE", $"sip:bob@{SipText.Domain}", $"sip:bob@{SipText.Domain}", "nope2", 5, "f1", toTag: "t1"));
        Assert.Equal(481, alice.ExpectResponse().StatusCode);
    }
}
