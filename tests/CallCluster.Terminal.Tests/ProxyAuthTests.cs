using System.Net;
using System.Text;
using CallCluster.Sip.Auth;
using CallCluster.Sip.Message;

namespace CallCluster.Terminal.Tests;

public sealed class ProxyAuthTests
{
    [Fact]
    public async Task Invite_challenged_with_407_is_resent_with_proxy_credentials_and_busy_ends_the_call()
    {
        var challenger = new DigestChallenger(DigestChallengerOptions.Default("proxy.realm", Encoding.ASCII.GetBytes("0123456789abcdef0123")), TimeProvider.System);
        var verifier = new DigestVerifier(challenger, TimeProvider.System);
        using var proxy = new RawSipPeer();
        var proxyEndPoint = new IPEndPoint(IPAddress.Loopback, proxy.Port);
        await using var mobile = await TerminalAgent.StartAsync(Agents.Options("1001", 440, VideoCodec.None) with { Password = "pw", Registrar = proxyEndPoint, Domain = "home.example" });
        var events = new EventWaiter(mobile);

        var call = await mobile.PlaceCallAsync("remote");

        var first = Assert.IsType<SipRequest>(await proxy.Receive(m => m is SipRequest { Method: "INVITE" }));
        Assert.Equal("sip:remote@home.example", first.RequestUriText);
        var challenge = SipMessageFactory.CreateResponse(first, 407, null, "p1");
        foreach (var value in challenger.CreateHeaderValues())
        {
            challenge = challenge.AddHeader("Proxy-Authenticate", value);
        }

        await proxy.Send(challenge, mobile.SipEndPoint);
        var second = Assert.IsType<SipRequest>(await proxy.Receive(m => m is SipRequest { Method: "INVITE" } r && r.HasHeader("Proxy-Authorization")));
        Assert.Equal(2, second.CSeq!.Number);
        Assert.Equal(call.CallId, second.CallId);
        var result = verifier.Verify(second.GetHeaderValue("Proxy-Authorization"), "INVITE", second.RequestUriText, u => u == "1001" ? DigestCredentials.FromPassword("1001", "proxy.realm", "pw") : null);
        Assert.Equal(DigestVerifyResult.Ok, result);

        await proxy.Send(SipMessageFactory.CreateResponse(second, 486, null, "p2"), mobile.SipEndPoint);
        var ended = await events.WaitFor<CallEndedEvent>();
        Assert.Equal("busy", ended.Reason);
        Assert.Equal(486, ended.Status);
        Assert.NotNull(await proxy.Receive(m => m is SipRequest { Method: "ACK" } a && a.CSeq!.Number == 2));
    }

    [Fact]
    public async Task Session_interval_too_small_is_retried_with_min_se()
    {
        using var proxy = new RawSipPeer();
        await using var mobile = await TerminalAgent.StartAsync(Agents.Options("1001", 440, VideoCodec.None) with { Registrar = new IPEndPoint(IPAddress.Loopback, proxy.Port), SessionExpires = 30 });
        var events = new EventWaiter(mobile);

        await mobile.PlaceCallAsync("remote");
        var first = Assert.IsType<SipRequest>(await proxy.Receive(m => m is SipRequest { Method: "INVITE" }));
        Assert.Equal(30, first.SessionExpires?.DeltaSeconds);
        await proxy.Send(SipMessageFactory.CreateResponse(first, 422, null, "p1").AddHeader("Min-SE", "90"), mobile.SipEndPoint);

        var second = Assert.IsType<SipRequest>(await proxy.Receive(m => m is SipRequest { Method: "INVITE", CSeq.Number: 2 }));
        Assert.Equal(90, second.SessionExpires?.DeltaSeconds);
        await proxy.Send(SipMessageFactory.CreateResponse(second, 603, null, "p2"), mobile.SipEndPoint);
        Assert.Equal(603, (await events.WaitFor<CallEndedEvent>()).Status);
    }
}
