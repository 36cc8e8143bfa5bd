using Akka.Actor;
using CallCluster.Actors.Calls;
using CallCluster.Actors.Sessions;
using CallCluster.Gateway.Hosting;

namespace CallCluster.Gateway.Tests;

public sealed class GatewayOutboxTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly SessionId S = new("s1");

    [Fact]
    public void Effects_wait_for_the_gateway_then_flow_in_order()
    {
        var outbox = Sys.ActorOf(GatewayOutbox.Props("aaaa"));
        var gateway = CreateTestProbe();
        var first = new SessionEffects.RejectInvite(S, new LegId("ix-aaaa"), 486, "Busy");
        var second = new SessionEffects.SendBye(S, new LegId("s1.2"), new Sip.Dialogs.DialogState
        {
            CallId = "c", LocalTag = "l", RemoteTag = "r", LocalUri = "sip:a@x", RemoteUri = "sip:b@x", RemoteTarget = "sip:b@127.0.0.1", LocalContact = "sip:gw@127.0.0.1",
        }, "bye");
        outbox.Tell(first, TestActor);
        outbox.Tell(second, TestActor);
        gateway.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        outbox.Tell(new GatewayOutbox.Attach(gateway.Ref), TestActor);
        Assert.Equal(first, gateway.ExpectMsg<SessionEffects.RejectInvite>());
        Assert.Equal(second, gateway.ExpectMsg<SessionEffects.SendBye>());
    }

    [Fact]
    public void Answers_for_a_leg_of_an_unknown_node_stay_local()
    {
        var outbox = Sys.ActorOf(GatewayOutbox.Props("aaaa"));
        var gateway = CreateTestProbe();
        outbox.Tell(new GatewayOutbox.Attach(gateway.Ref), TestActor);
        var effect = new SessionEffects.SendProvisional(S, new LegId("i0123-bbbb"), 180, null);
        outbox.Tell(effect, TestActor);
        Assert.Equal(effect, gateway.ExpectMsg<SessionEffects.SendProvisional>());
    }

    [Fact]
    public void A_numbered_delivery_is_acknowledged_and_reaches_the_gateway_from_the_session()
    {
        var outbox = Sys.ActorOf(GatewayOutbox.Props("aaaa"));
        var gateway = CreateTestProbe();
        var session = CreateTestProbe();
        outbox.Tell(new GatewayOutbox.Attach(gateway.Ref), TestActor);
        var effect = new SessionEffects.SendProvisional(S, new LegId("i0123-aaaa"), 183, null);

        outbox.Tell(new DeliverSipEffect(42, effect, session.Ref), TestActor);

        Assert.Equal(42, ExpectMsg<SipEffectDelivered>().Seq);
        Assert.Equal(effect, gateway.ExpectMsg<SessionEffects.SendProvisional>());
        Assert.Equal(session.Ref, gateway.LastSender);
    }

    [Theory]
    [InlineData("iabc-1234", "1234")]
    [InlineData("s1.2", null)]
    [InlineData("iabc", null)]
    public void Leg_ids_name_their_gateway_node(string leg, string? token) =>
        Assert.Equal(token, GatewayNode.TokenOfLeg(leg));
}
