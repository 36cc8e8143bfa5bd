using CallCluster.Sip.Message;

namespace CallCluster.Gateway.Tests.Support;

/// <summary>Places an authenticated INVITE from a test user agent (407 challenge, ACK, retry with credentials).</summary>
public sealed class Caller(TestUa ua, string target, params string[] extra)
{
    public string CallId { get; } = SipText.NewId();

    public string FromTag { get; } = "f" + SipText.NewId();

    public string RequestUri => $"sip:{target}@{SipText.Domain}";

    public int CSeq { get; private set; } = 1;

    /// <summary>Sends the INVITE unauthenticated and returns the gateway's first final response.</summary>
    public SipResponse SendUnauthenticated()
    {
        var text = Invite(1);
        ua.Send(text);
        var response = ua.ExpectResponse(r => r.StatusCode >= 200);
        ua.Send(SipText.AckFor(text, response));
        return response;
    }

    /// <summary>Challenge round, then the INVITE with credentials; returns that text.</summary>
    public string SendAuthenticated()
    {
        var first = Invite(1);
        ua.Send(first);
        var challenge = ua.ExpectResponse(r => r.StatusCode >= 200);
        if (challenge.StatusCode != 407)
        {
            throw new Xunit.Sdk.XunitException($"expected 407, got {challenge.StatusCode}");
        }

        ua.Send(SipText.AckFor(first, challenge));
        CSeq = 2;
        var second = Invite(2, SipText.Answer(challenge, first, ua.User, GatewayTestKit.Password));
        ua.Send(second);
        return second;
    }

    private string Invite(int cseq, string? credentials = null) =>
        SipText.Request(ua, "INVITE", RequestUri, RequestUri, CallId, cseq, FromTag, body: SipText.Sdp,
            extra: credentials is null ? extra : [.. extra, credentials]);
}
