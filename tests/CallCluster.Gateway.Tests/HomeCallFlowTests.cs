using System.Text;
using CallCluster.Gateway.Tests.Support;
using CallCluster.Sip.Message;
using Xunit.Abstractions;

namespace CallCluster.Gateway.Tests;

/// <summary>The home video call at the SIP level: both calls answered, then the mobile leaves.</summary>
public sealed class HomeCallFlowTests(ITestOutputHelper output) : GatewayTestKit(output)
{
    private static void Answer(TestUa ua, SipRequest invite, string tag) =>
        ua.Reply(SipMessageFactory.CreateResponse(invite, 200, "OK", tag)
            .AddHeader("Contact", $"<{ua.Contact}>")
            .WithBody(Encoding.UTF8.GetBytes(SipText.Sdp), "application/sdp"));

    [Fact]
    public void Mobile_leaving_ends_its_other_call_and_keeps_tv_and_remote_connected()
    {
        using var mum = NewUa("mum");
        using var tv = NewUa("tv");
        using var bob = NewUa("bob");
        Register(tv);
        Register(bob);

        var call1 = new Caller(mum, "tv");
        call1.SendAuthenticated();
        var toTv = tv.ExpectRequest("INVITE");
        Answer(tv, toTv, "tv1");
        tv.ExpectRequest("ACK");
        var ok1 = mum.ExpectResponse(r => r.StatusCode == 200 && r.CallId == call1.CallId);
        var contact1 = ok1.Contact[0].Uri!.ToString();
        mum.Send(SipText.Request(mum, "ACK", contact1, call1.RequestUri, call1.CallId, call1.CSeq, call1.FromTag, toTag: ok1.To!.Tag));

        var call2 = new Caller(mum, "bob");
        call2.SendAuthenticated();
        var toBob = bob.ExpectRequest("INVITE");
        Answer(bob, toBob, "bob1");
        bob.ExpectRequest("ACK");
        var ok2 = mum.ExpectResponse(r => r.StatusCode == 200 && r.CallId == call2.CallId);
        var contact2 = ok2.Contact[0].Uri!.ToString();
        mum.Send(SipText.Request(mum, "ACK", contact2, call2.RequestUri, call2.CallId, call2.CSeq, call2.FromTag, toTag: ok2.To!.Tag));

        // The mobile hangs up its call to the remote: its call to the TV ends too, TV and remote stay.
        mum.Send(SipText.Request(mum, "BYE", contact2, call2.RequestUri, call2.CallId, call2.CSeq + 1, call2.FromTag, toTag: ok2.To!.Tag));
        var byeForCall1 = mum.ExpectRequest("BYE");
        Assert.Equal(call1.CallId, byeForCall1.CallId);
        mum.Reply(SipMessageFactory.CreateResponse(byeForCall1, 200, "OK"));

        // Nothing at all reaches TV or remote: no BYE and no re-INVITE (the media moves without renegotiation).
        Assert.Null(tv.Receive(2_000));
        Assert.Null(bob.Receive(2_000));
    }
}
