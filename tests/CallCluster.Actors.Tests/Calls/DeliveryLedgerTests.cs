using Akka.Actor;
using CallCluster.Actors.Calls;
using CallCluster.Actors.Sessions;

namespace CallCluster.Actors.Tests.Calls;

public sealed class DeliveryLedgerTests
{
    private const string G1 = "akka.tcp://callcluster@127.0.0.1:4001";
    private const string G2 = "akka.tcp://callcluster@127.0.0.1:4002";

    private static SessionEffects.SendProvisional Effect(int n) => new(new SessionId("s" + n), new LegId("i" + n), 180, null);

    private static DeliveryLedger WithGateways(params string[] gateways) =>
        gateways.Aggregate(DeliveryLedger.Empty, (l, g) => l.GatewayUp(g).Ledger);

    [Fact]
    public void Effects_go_round_robin_numbered_and_stay_pending_until_acknowledged()
    {
        var ledger = WithGateways(G1, G2);
        var first = ledger.Send(Effect(1), ActorRefs.Nobody);
        var second = first.Ledger.Send(Effect(2), ActorRefs.Nobody);

        Assert.Equal(G1, Assert.Single(first.Outgoing).Target);
        Assert.Equal(G2, Assert.Single(second.Outgoing).Target);
        Assert.Equal([1L, 2L], new[] { first.Outgoing[0].Message.Seq, second.Outgoing[0].Message.Seq });
        Assert.Equal(Effect(2), second.Outgoing[0].Message.Effect);
        Assert.Equal(2, second.Ledger.Pending.Count);
        Assert.Empty(second.Ledger.Delivered(1).Delivered(2).Pending);
    }

    [Fact]
    public void A_lost_gateway_s_unacknowledged_effects_go_to_another_and_acknowledged_ones_stay_delivered()
    {
        var ledger = WithGateways(G1, G2);
        var a = ledger.Send(Effect(1), ActorRefs.Nobody); // to G1
        var b = a.Ledger.Send(Effect(2), ActorRefs.Nobody); // to G2
        var c = b.Ledger.Send(Effect(3), ActorRefs.Nobody); // to G1, acknowledged
        var acked = c.Ledger.Delivered(c.Outgoing[0].Message.Seq);

        var lost = acked.GatewayLost(G1);

        var resent = Assert.Single(lost.Outgoing);
        Assert.Equal(G2, resent.Target);
        Assert.Equal(1, resent.Message.Seq);
        Assert.Equal(Effect(1), resent.Message.Effect);
        Assert.Equal([G2], lost.Ledger.Gateways);
        Assert.Equal(G2, lost.Ledger.Pending[1].Target);
        Assert.Equal(2, lost.Ledger.Pending[1].Attempts);
        Assert.Equal(G2, Assert.Single(lost.Ledger.Send(Effect(4), ActorRefs.Nobody).Outgoing).Target);
    }

    [Fact]
    public void Effects_wait_while_no_gateway_is_up_and_flow_when_one_comes_up()
    {
        var held = DeliveryLedger.Empty.Send(Effect(1), ActorRefs.Nobody);
        Assert.Empty(held.Outgoing);
        Assert.Null(held.Ledger.Pending[1].Target);

        var up = held.Ledger.GatewayUp(G1);

        Assert.Equal(G1, Assert.Single(up.Outgoing).Target);
        Assert.Equal(1, up.Ledger.Pending[1].Attempts);
    }

    [Fact]
    public void Losing_the_only_gateway_holds_its_effects_until_another_is_up()
    {
        var sent = WithGateways(G1).Send(Effect(1), ActorRefs.Nobody);
        var lost = sent.Ledger.GatewayLost(G1);
        Assert.Empty(lost.Outgoing);
        Assert.Null(lost.Ledger.Pending[1].Target);
        Assert.Equal(G2, Assert.Single(lost.Ledger.GatewayUp(G2).Outgoing).Target);
    }

    [Fact]
    public void A_retiring_gateway_takes_no_new_effects_but_keeps_what_it_has()
    {
        var sent = WithGateways(G1, G2).Send(Effect(1), ActorRefs.Nobody);
        var retired = sent.Ledger.GatewayRetired(G1);
        Assert.Equal(G1, retired.Pending[1].Target);
        Assert.Equal(G2, Assert.Single(retired.Send(Effect(2), ActorRefs.Nobody).Outgoing).Target);
        Assert.Equal(G2, Assert.Single(retired.Send(Effect(2), ActorRefs.Nobody).Ledger.Send(Effect(3), ActorRefs.Nobody).Outgoing).Target);
    }

    [Fact]
    public void An_effect_is_given_up_after_the_attempt_limit()
    {
        var ledger = WithGateways(G1).Send(Effect(1), ActorRefs.Nobody).Ledger;
        var dropped = 0;
        for (var i = 0; i < DeliveryLedger.MaxAttempts; i++)
        {
            var lost = ledger.GatewayLost(G1);
            dropped += lost.Dropped;
            ledger = lost.Ledger.GatewayUp(G1).Ledger;
        }

        Assert.Equal(1, dropped);
        Assert.Empty(ledger.Pending);
    }

    [Fact]
    public void Unacknowledged_effects_are_forgotten_after_the_expiry()
    {
        var ledger = WithGateways(G1).Send(Effect(1), ActorRefs.Nobody).Ledger;
        var expired = 0;
        for (var i = 0; i <= DeliveryLedger.ExpiryTicks; i++)
        {
            var step = ledger.Advance();
            expired += step.Dropped;
            ledger = step.Ledger;
        }

        Assert.Equal(1, expired);
        Assert.Empty(ledger.Pending);
    }

    [Fact]
    public void Tracking_is_bounded()
    {
        var ledger = WithGateways(G1);
        for (var i = 0; i < DeliveryLedger.MaxPending + 5; i++)
        {
            var step = ledger.Send(Effect(i), ActorRefs.Nobody);
            Assert.Single(step.Outgoing);
            ledger = step.Ledger;
        }

        Assert.Equal(DeliveryLedger.MaxPending, ledger.Pending.Count);
    }
}
