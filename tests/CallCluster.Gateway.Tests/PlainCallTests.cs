using System.Text;
using CallCluster.Gateway.Tests.Support;
using CallCluster.Sip.Message;
using Xunit.Abstractions;

namespace CallCluster.Gateway.Tests;

/// <summary>Subscriber to subscriber through a real session entity, media bypassed.</summary>
public sealed class PlainCallTests(ITestOutputHelper output) : GatewayTestKit(output)
{
    [Fact]
    public void Call_is_set_up_and_torn_down_and_forged_identity_headers_never_reach_the_callee()
    {
        using var alice = NewUa("alice");
        using var bob = NewUa("bob");
        Assert.Equal(200, Register(bob).StatusCode);

        var caller = new Caller(alice, "bob",
            "P-Asserted-Identity: <sip:tv@cc.test>",
            "Answer-Mode: Auto",
            "Call-Info: <sip:x@cc.test>;answer-after=0",
            "Alert-Info: <urn:alert:service:auto-answer>;info=alert-autoanswer",
            "Subject: dinner");
        caller.SendAuthenticated();

        // The callee's INVITE: rebuilt by the cluster, nothing untrusted, session timer offered.
        var invite = bob.ExpectRequest("INVITE");
        Assert.False(invite.HasHeader("P-Asserted-Identity"));
        Assert.False(invite.HasHeader("Answer-Mode"));
        Assert.False(invite.HasHeader("Call-Info"));
        Assert.False(invite.HasHeader("Alert-Info"));
        Assert.Equal("dinner", invite.GetHeaderValue("Subject"));
        Assert.Contains("timer", invite.Supported);
        Assert.NotNull(invite.SessionExpires);
        Assert.Equal(bob.Contact, invite.RequestUriText);
        Assert.Contains("cc-s=", Assert.Single(invite.Contact).Uri!.ToString());
        Assert.DoesNotContain("akka", invite.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(SipText.Sdp, Encoding.UTF8.GetString(invite.Body.Span));
        Assert.Equal(69, invite.MaxForwards);

        bob.Reply(SipMessageFactory.CreateResponse(invite, 180, "Ringing", "b1").AddHeader("Contact", $"<{bob.Contact}>"));
        Assert.Equal(180, alice.ExpectResponse(r => r.StatusCode > 100).StatusCode);

        var answer = SipMessageFactory.CreateResponse(invite, 200, "OK", "b1")
            .AddHeader("Contact", $"<{bob.Contact}>")
            .WithBody(Encoding.UTF8.GetBytes(SipText.Sdp.Replace("40000", "40002")), "application/sdp");
        bob.Reply(answer);
        var ack = bob.ExpectRequest("ACK");
        Assert.Equal(invite.CallId, ack.CallId);

        var ok = alice.ExpectResponse(r => r.StatusCode == 200);
        Assert.Contains("40002", Encoding.UTF8.GetString(ok.Body.Span));
        Assert.NotNull(ok.SessionExpires);
        var contact = Assert.Single(ok.Contact).Uri!.ToString();
        Assert.Contains("cc-s=", contact);
        var toTag = ok.To!.Tag!;
        alice.Send(SipText.Request(alice, "ACK", contact, caller.RequestUri, caller.CallId, caller.CSeq, caller.FromTag, toTag: toTag));

        // Caller hangs up: the callee gets BYE in its dialog, the caller 200.
        alice.Send(SipText.Request(alice, "BYE", contact, caller.RequestUri, caller.CallId, caller.CSeq + 1, caller.FromTag, toTag: toTag));
        var bye = bob.ExpectRequest("BYE");
        Assert.Equal(invite.CallId, bye.CallId);
        Assert.Equal("b1", bye.To!.Tag);
        bob.Reply(SipMessageFactory.CreateResponse(bye, 200, "OK"));
        var byeOk = alice.ExpectResponse(r => r.CSeq?.Method == "BYE");
        Assert.Equal(200, byeOk.StatusCode);
    }

    [Fact]
    public void Callee_busy_is_relayed_to_the_caller()
    {
        using var alice = NewUa("alice");
        using var bob = NewUa("bob");
        Assert.Equal(200, Register(bob).StatusCode);
        var caller = new Caller(alice, "bob");
        var text = caller.SendAuthenticated();
        var invite = bob.ExpectRequest("INVITE");
        bob.Reply(SipMessageFactory.CreateResponse(invite, 486, "Busy Here", "b2"));
        var ack = bob.ExpectRequest("ACK");
        Assert.Equal(invite.CallId, ack.CallId);
        var final = alice.ExpectResponse(r => r.StatusCode >= 200);
        Assert.Equal(486, final.StatusCode);
        alice.Send(SipText.AckFor(text, final));
    }

    [Fact]
    public void Caller_cancel_cancels_the_callee_and_ends_with_487()
    {
        using var alice = NewUa("alice");
        using var bob = NewUa("bob");
        Assert.Equal(200, Register(bob).StatusCode);
        var caller = new Caller(alice, "bob");
        var text = caller.SendAuthenticated();
        var invite = bob.ExpectRequest("INVITE");
        bob.Reply(SipMessageFactory.CreateResponse(invite, 180, "Ringing", "b3"));
        Assert.Equal(180, alice.ExpectResponse(r => r.StatusCode > 100).StatusCode);

        var cancel = SipMessageFactory.CreateCancel(SipText.Parse(text));
        alice.SendBytes(cancel.ToBytes());
        var cancelToBob = bob.ExpectRequest("CANCEL");
        Assert.Equal(invite.TopVia!.Branch, cancelToBob.TopVia!.Branch);
        bob.Reply(SipMessageFactory.CreateResponse(cancelToBob, 200, "OK"));
        bob.Reply(SipMessageFactory.CreateResponse(invite, 487, "Request Terminated", "b3"));

        var final = alice.ExpectResponse(r => r.CSeq?.Method == "INVITE" && r.StatusCode >= 200);
        Assert.Equal(487, final.StatusCode);
    }
}
