using CallCluster.Sip.Message;
using CallCluster.Sip.Transactions;

namespace CallCluster.Sip.Tests.Transactions;

public sealed class ServerLayerTests
{
    private static bool Status(SipMessage m, int status) => m is SipResponse r && r.StatusCode == status;

    private static TransactionKey Receive(LayerHarness h, SipRequest request, TransactionPeer? peer = null)
    {
        Assert.Equal(ServerRequestOutcome.NewTransaction, h.Layer.ReceiveRequest(request, peer ?? LayerHarness.Udp));
        return h.Sink.Of<RequestReceived>()[^1].Key!;
    }

    [Fact]
    public void Invite_gets_100_Trying_after_200_ms_without_a_To_tag()
    {
        var h = new LayerHarness();
        var invite = SipText.Invite();
        Receive(h, invite);
        h.RunUntil(1000);

        var trying = Assert.Single(h.Sink.Sent);
        Assert.Equal(200, trying.AtMs);
        Assert.True(Status(trying.Message, 100));
        Assert.DoesNotContain("tag=", trying.Message.GetHeaderValue("To"), StringComparison.Ordinal);
        Assert.Equal(invite.GetHeaderValue("Via"), trying.Message.GetHeaderValue("Via"));
    }

    [Fact]
    public void No_100_Trying_when_the_TU_answers_first_and_retransmissions_get_the_last_response()
    {
        var h = new LayerHarness();
        var invite = SipText.Invite();
        var key = Receive(h, invite);
        h.RunUntil(100);
        Assert.True(h.Layer.SendResponse(key, SipText.ResponseTo(invite, 180)));
        h.RunUntil(900);

        Assert.Equal(ServerRequestOutcome.Retransmission, h.Layer.ReceiveRequest(invite, LayerHarness.Udp));
        Assert.Equal([100, 900], h.Sink.SentTimes(m => Status(m, 180)));
        Assert.Empty(h.Sink.SentTimes(m => Status(m, 100)));
        Assert.Single(h.Sink.Of<RequestReceived>());
    }

    [Fact]
    public void Failure_response_is_retransmitted_on_timer_G_until_timer_H_reports_the_missing_ACK()
    {
        var h = new LayerHarness();
        var invite = SipText.Invite();
        var key = Receive(h, invite);
        h.Layer.SendResponse(key, SipText.ResponseTo(invite, 486));
        h.RunUntil(40_000);

        Assert.Equal(
            [0, 500, 1500, 3500, 7500, 11500, 15500, 19500, 23500, 27500, 31500],
            h.Sink.SentTimes(m => Status(m, 486)));
        Assert.Equal(key, Assert.Single(h.Sink.Of<AckTimedOut>()).Key);
        Assert.Equal([32_000], h.Sink.Notices.Where(n => n.Notice is TransactionTerminated).Select(n => n.AtMs));
    }

    [Fact]
    public void Ack_is_absorbed_stops_timer_G_and_timer_I_ends_the_transaction_after_T4()
    {
        var h = new LayerHarness();
        var invite = SipText.Invite();
        var key = Receive(h, invite);
        h.Layer.SendResponse(key, SipText.ResponseTo(invite, 404, toTag: "uas-tag"));
        h.RunUntil(700);
        var ack = SipText.Invite(method: "ACK", toTag: "uas-tag");

        Assert.Equal(ServerRequestOutcome.AckAbsorbed, h.Layer.ReceiveRequest(ack, LayerHarness.Udp));
        Assert.Equal(TransactionPhase.Confirmed, h.Layer.PhaseOf(key));
        h.RunUntil(40_000);

        Assert.Equal([0, 500], h.Sink.SentTimes(m => Status(m, 404)));
        Assert.Empty(h.Sink.Of<AckTimedOut>());
        Assert.Equal([5700], h.Sink.Notices.Where(n => n.Notice is TransactionTerminated).Select(n => n.AtMs));
    }

    [Fact]
    public void Reliable_invite_has_no_timer_G_and_ends_when_the_ACK_arrives()
    {
        var h = new LayerHarness();
        var invite = SipText.Invite();
        var key = Receive(h, invite, LayerHarness.Tcp);
        h.Layer.SendResponse(key, SipText.ResponseTo(invite, 404));
        h.RunUntil(10_000);
        h.Layer.ReceiveRequest(SipText.Invite(method: "ACK", toTag: "314159"), LayerHarness.Tcp);

        Assert.Equal([0], h.Sink.SentTimes(m => Status(m, 404)));
        Assert.Equal(0, h.Layer.Count);
    }

    [Fact]
    public void Success_response_ends_the_transaction_and_the_ACK_for_it_goes_to_the_TU()
    {
        var h = new LayerHarness();
        var invite = SipText.Invite();
        var key = Receive(h, invite);
        Assert.True(h.Layer.SendResponse(key, SipText.ResponseTo(invite, 200)));
        Assert.Null(h.Layer.PhaseOf(key));

        var ack = SipText.Invite(method: "ACK", branch: "z9hG4bKnewbranch", toTag: "314159");
        Assert.Equal(ServerRequestOutcome.AckPassedToTu, h.Layer.ReceiveRequest(ack, LayerHarness.Udp));
        var passed = h.Sink.Of<RequestReceived>()[^1];
        Assert.Null(passed.Key);
        Assert.Same(ack, passed.Request);
    }

    [Fact]
    public void Second_final_response_is_refused()
    {
        var h = new LayerHarness();
        var invite = SipText.Invite();
        var key = Receive(h, invite);

        Assert.True(h.Layer.SendResponse(key, SipText.ResponseTo(invite, 486)));
        Assert.False(h.Layer.SendResponse(key, SipText.ResponseTo(invite, 200)));
        Assert.Single(h.Sink.Sent);
    }

    [Fact]
    public void Non_invite_absorbs_retransmissions_resends_the_final_response_and_ends_on_timer_J()
    {
        var h = new LayerHarness();
        var bye = SipText.Invite(method: "BYE", toTag: "t");
        var key = Receive(h, bye);
        Assert.Equal(ServerRequestOutcome.Retransmission, h.Layer.ReceiveRequest(bye, LayerHarness.Udp));
        Assert.Empty(h.Sink.Sent);

        h.RunUntil(100);
        h.Layer.SendResponse(key, SipText.ResponseTo(bye, 200));
        h.RunUntil(400);
        h.Layer.ReceiveRequest(bye, LayerHarness.Udp);
        h.RunUntil(60_000);

        Assert.Equal([100, 400], h.Sink.SentTimes(m => Status(m, 200)));
        Assert.Equal([32_100], h.Sink.Notices.Where(n => n.Notice is TransactionTerminated).Select(n => n.AtMs));
        Assert.Single(h.Sink.Of<RequestReceived>());
    }

    [Fact]
    public void Same_branch_from_another_sent_by_is_another_transaction()
    {
        var h = new LayerHarness();
        var first = Receive(h, SipText.Invite(sentBy: "a.example.com:5060"));
        var second = Receive(h, SipText.Invite(sentBy: "b.example.com:5060", fromTag: "other"));

        Assert.NotEqual(first, second);
        Assert.Equal(2, h.Layer.Count);
    }
}
