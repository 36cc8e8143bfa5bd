using System.Net;
using System.Text;
using CallCluster.Sip.Message;

namespace CallCluster.Terminal.Tests;

public sealed class ForkingTests
{
    [Fact]
    public async Task Second_forked_2xx_is_acknowledged_and_ended_while_the_first_call_stays()
    {
        using var proxy = new RawSipPeer();
        using var media = RawSipPeer.MediaSocket();
        var port = ((IPEndPoint)media.LocalEndPoint!).Port;
        await using var mobile = await TerminalAgent.StartAsync(Agents.Options("1001", 440, VideoCodec.None) with { Registrar = new IPEndPoint(IPAddress.Loopback, proxy.Port), Domain = "home.example" });
        var events = new EventWaiter(mobile);

        var call = await mobile.PlaceCallAsync("remote");
        var invite = Assert.IsType<SipRequest>(await proxy.Receive(m => m is SipRequest { Method: "INVITE" }));
        var contact = $"<sip:remote@127.0.0.1:{proxy.Port}>";
        var sdp = Encoding.ASCII.GetBytes(RawSipPeer.Sdp(port, 1));
        await proxy.Send(SipMessageFactory.CreateResponse(invite, 200, null, "forkA").AddHeader("Contact", contact).WithBody(sdp, "application/sdp"), mobile.SipEndPoint);
        Assert.NotNull(await proxy.Receive(m => m is SipRequest { Method: "ACK" } a && a.To?.Tag == "forkA"));
        await events.WaitFor<CallAnsweredEvent>();

        await proxy.Send(SipMessageFactory.CreateResponse(invite, 200, null, "forkB").AddHeader("Contact", contact).WithBody(sdp, "application/sdp"), mobile.SipEndPoint);
        Assert.NotNull(await proxy.Receive(m => m is SipRequest { Method: "ACK" } a && a.To?.Tag == "forkB"));
        var bye = Assert.IsType<SipRequest>(await proxy.Receive(m => m is SipRequest { Method: "BYE" }));
        Assert.Equal("forkB", bye.To?.Tag);
        await proxy.Send(SipMessageFactory.CreateResponse(bye, 200), mobile.SipEndPoint);

        Assert.Equal("established", Assert.Single(mobile.GetStats().Calls).State);
        Assert.Equal(call.CallId, mobile.GetStats().Calls[0].CallId);
        Assert.True(await RawSipPeer.RtpArrives(media));
    }
}
