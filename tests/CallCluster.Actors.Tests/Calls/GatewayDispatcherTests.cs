using Akka.Actor;
using CallCluster.Actors.Calls;
using CallCluster.Actors.Hosting;
using CallCluster.Actors.Sessions;
using CallCluster.Actors.Tests.Support;

namespace CallCluster.Actors.Tests.Calls;

/// <summary>The dispatcher delivers through the outbox path of a gateway node's address (this system here).</summary>
public sealed class GatewayDispatcherTests() : Akka.TestKit.Xunit2.TestKit(TestConfigs.InMemory())
{
    private static readonly SessionEffects.SendProvisional Effect = new(new SessionId("s1"), new LegId("i1"), 180, null);

    private string Self => ((ExtendedActorSystem)Sys).Provider.DefaultAddress.ToString();

    [Fact]
    public void An_effect_reaches_the_outbox_numbered_with_the_session_as_reply_address_and_the_ack_clears_it()
    {
        var outbox = CreateTestProbe();
        Sys.ActorOf(Props.Create(() => new Relay(outbox.Ref)), RoleRouters.GatewayOutboxPath.Split('/').Last());
        var dispatcher = Sys.ActorOf(GatewayDispatcher.Props(subscribe: false));
        dispatcher.Tell(new GatewayDispatcher.GatewayAvailable(Self));

        dispatcher.Tell(Effect, TestActor);

        var delivery = outbox.ExpectMsg<DeliverSipEffect>();
        Assert.Equal(Effect, delivery.Effect);
        Assert.Equal(TestActor, delivery.ReplyTo);
        dispatcher.Tell(GatewayDispatcher.GetPending.Instance);
        Assert.Equal(1, ExpectMsg<GatewayDispatcher.PendingDeliveries>().Count);

        outbox.Reply(new SipEffectDelivered(delivery.Seq));
        AwaitAssert(() =>
        {
            dispatcher.Tell(GatewayDispatcher.GetPending.Instance);
            Assert.Equal(0, ExpectMsg<GatewayDispatcher.PendingDeliveries>().Count);
        });
    }

    [Fact]
    public void Effects_held_while_no_gateway_is_up_are_delivered_once_one_is_and_re_sent_when_it_is_lost()
    {
        var outbox = CreateTestProbe();
        Sys.ActorOf(Props.Create(() => new Relay(outbox.Ref)), RoleRouters.GatewayOutboxPath.Split('/').Last());
        var dispatcher = Sys.ActorOf(GatewayDispatcher.Props(subscribe: false));

        dispatcher.Tell(Effect, TestActor);
        outbox.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        dispatcher.Tell(new GatewayDispatcher.GatewayAvailable(Self));
        var first = outbox.ExpectMsg<DeliverSipEffect>();

        // The same address stands in for "another gateway" once it is up again.
        dispatcher.Tell(new GatewayDispatcher.GatewayLost(Self));
        outbox.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        dispatcher.Tell(new GatewayDispatcher.GatewayAvailable(Self));
        var again = outbox.ExpectMsg<DeliverSipEffect>();
        Assert.Equal(first.Seq, again.Seq);
        Assert.Equal(Effect, again.Effect);
    }

    private sealed class Relay : ReceiveActor
    {
        public Relay(IActorRef target) => ReceiveAny(m => target.Forward(m));
    }
}
