using System.Text;
using CallCluster.Sip.Message;

namespace CallCluster.Gateway.Tests.Support;

/// <summary>A call set up end to end between two test user agents through the gateway.</summary>
public sealed record EstablishedCall(Caller Caller, TestUa From, TestUa To, SipRequest CalleeInvite, string GatewayContact, string CallerToTag)
{
    /// <summary>Sets up <paramref name="from"/> calling <paramref name="to"/> (registered), answered with 200 and ACKed on both sides.</summary>
    public static EstablishedCall Start(TestUa from, TestUa to, string target)
    {
        var caller = new Caller(from, target);
        caller.SendAuthenticated();
        var invite = to.ExpectRequest("INVITE");
        to.Reply(SipMessageFactory.CreateResponse(invite, 200, "OK", "callee")
            .AddHeader("Contact", $"<{to.Contact}>")
            .WithBody(Encoding.UTF8.GetBytes(SipText.Sdp), "application/sdp"));
        to.ExpectRequest("ACK");
        var ok = from.ExpectResponse(r => r.StatusCode == 200 && r.CSeq?.Method == "INVITE");
        var contact = ok.Contact[0].Uri!.ToString();
        from.Send(SipText.Request(from, "ACK", contact, caller.RequestUri, caller.CallId, caller.CSeq, caller.FromTag, toTag: ok.To!.Tag));
        return new EstablishedCall(caller, from, to, invite, contact, ok.To!.Tag!);
    }

    /// <summary>An in-dialog request from the caller with CSeq <paramref name="cseq"/>.</summary>
    public string CallerRequest(string method, int cseq, string? body = null, params string[] extra) =>
        SipText.Request(From, method, GatewayContact, Caller.RequestUri, Caller.CallId, cseq, Caller.FromTag, toTag: CallerToTag, body: body, extra: extra);
}
