using System.Text;
using Akka.Actor;
using CallCluster.Actors.Calls;
using CallCluster.Gateway.Hosting;
using CallCluster.Gateway.Tests.Support;
using CallCluster.Sip.Message;
using Xunit.Abstractions;

namespace CallCluster.Gateway.Tests;

/// <summary>
/// Several gateway nodes on one SIP port: a callee's answers may reach a node that does not hold
/// the INVITE transaction; that node relays them (<see cref="RelayedSipPacket"/>) to the others'
/// outboxes, and the holder handles them as if received itself.
/// </summary>
public sealed class SharedPortRelayTests(ITestOutputHelper output) : GatewayTestKit(output)
{
    [Fact]
    public void Answers_relayed_by_another_gateway_node_reach_the_invite_transaction_held_here()
    {
        using var alice = NewUa("alice");
        using var bob = NewUa("bob");
        Assert.Equal(200, Register(bob).StatusCode);
        new Caller(alice, "bob").SendAuthenticated();
        var invite = bob.ExpectRequest("INVITE");
        var outbox = Sys.ActorSelection("/user/" + GatewayHosting.OutboxName);

        outbox.Tell(Relayed(SipMessageFactory.CreateResponse(invite, 180, "Ringing", "b1").AddHeader("Contact", $"<{bob.Contact}>"), bob), ActorRefs.NoSender);
        Assert.Equal(180, alice.ExpectResponse(r => r.StatusCode > 100).StatusCode);

        var answer = SipMessageFactory.CreateResponse(invite, 200, "OK", "b1")
            .AddHeader("Contact", $"<{bob.Contact}>")
            .WithBody(Encoding.UTF8.GetBytes(SipText.Sdp), "application/sdp");
        outbox.Tell(Relayed(answer, bob), ActorRefs.NoSender);
        Assert.Equal(invite.CallId, bob.ExpectRequest("ACK").CallId);
        Assert.Equal(200, alice.ExpectResponse(r => r.StatusCode == 200 && r.CSeq?.Method == "INVITE").StatusCode);
    }

    [Fact]
    public void A_relayed_packet_that_is_not_base64_is_dropped_and_the_gateway_keeps_answering()
    {
        using var alice = NewUa("alice");
        var outbox = Sys.ActorSelection("/user/" + GatewayHosting.OutboxName);
        outbox.Tell(new RelayedSipPacket("%%% not base64", "udp", $"127.0.0.1:{alice.Port}", GatewayEndPoint.ToString()), ActorRefs.NoSender);

        alice.Send(SipText.Request(alice, "OPTIONS", $"sip:{SipText.Domain}", $"sip:{SipText.Domain}", "after-relay", 1, "o1"));
        var ok = alice.ExpectResponse();
        Assert.Equal(200, ok.StatusCode);
        Assert.Equal("after-relay", ok.CallId);
    }

    private RelayedSipPacket Relayed(SipResponse response, TestUa from) =>
        new(Convert.ToBase64String(response.ToBytes()), "udp", $"{from.Address}:{from.Port}", GatewayEndPoint.ToString());
}
