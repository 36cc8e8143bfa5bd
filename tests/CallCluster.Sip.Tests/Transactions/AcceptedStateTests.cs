using CallCluster.Sip.Message;
using CallCluster.Sip.Transactions;

namespace CallCluster.Sip.Tests.Transactions;

/// <summary>The opt-in RFC 6026 Accepted state of INVITE transactions.</summary>
public sealed class AcceptedStateTests
{
    [Fact]
    public void Client_invite_in_accepted_passes_2xx_retransmissions_up_until_timer_M()
    {
        var h = new MachineHarness(ClientInviteMachine.Start(TransactionTimers.Default, reliable: false, useAcceptedState: true));
        h.RunUntil(100);
        h.Feed(TransactionInput.Response(200));
        h.RunUntil(1000);
        h.Feed(TransactionInput.Response(200));
        h.Feed(TransactionInput.Response(486));
        h.RunUntil(60_000);

        Assert.Equal([100, 1000], h.TimesOf<PassToTuAction>());
        Assert.Equal([0], h.TimesOf<SendRequestAction>());
        Assert.Equal([32_100], h.TimesOf<TerminateAction>());
    }

    [Fact]
    public void Server_invite_in_accepted_absorbs_invite_retransmissions_and_sends_2xx_retransmissions_until_timer_L()
    {
        var h = new MachineHarness(ServerInviteMachine.Start(TransactionTimers.Default, reliable: true, useAcceptedState: true));
        h.RunUntil(50);
        h.Feed(TransactionInput.TuResponse(200));
        h.Feed(TransactionInput.RequestReceived);
        h.RunUntil(500);
        h.Feed(TransactionInput.TuResponse(200));
        h.RunUntil(60_000);

        Assert.Equal(TransactionPhase.Terminated, h.Machine.Phase);
        Assert.Equal([50, 500], h.TimesOf<SendTuResponseAction>());
        Assert.Empty(h.TimesOf<ResendLastResponseAction>());
        Assert.Empty(h.TimesOf<SendTryingAction>());
        Assert.Equal([32_050], h.TimesOf<TerminateAction>());
        Assert.Equal([32_050], h.TimesOf<ReportTimeoutAction>());
    }

    [Fact]
    public void Server_invite_in_accepted_retransmits_the_2xx_on_unreliable_transport_until_the_ack()
    {
        var h = new MachineHarness(ServerInviteMachine.Start(TransactionTimers.Default, reliable: false, useAcceptedState: true));
        h.Feed(TransactionInput.TuResponse(200));
        h.RunUntil(5000);
        h.Feed(TransactionInput.AckReceived);
        h.RunUntil(60_000);

        Assert.Equal([500, 1500, 3500], h.TimesOf<ResendLastResponseAction>());
        Assert.Equal([32_000], h.TimesOf<TerminateAction>());
        Assert.Empty(h.TimesOf<ReportTimeoutAction>());
    }

    [Fact]
    public void Server_invite_in_accepted_without_ack_retransmits_capped_by_T2_and_reports_at_timer_L()
    {
        var h = new MachineHarness(ServerInviteMachine.Start(TransactionTimers.Default, reliable: false, useAcceptedState: true));
        h.Feed(TransactionInput.TuResponse(200));
        h.RunUntil(60_000);

        Assert.Equal([500, 1500, 3500, 7500, 11500, 15500, 19500, 23500, 27500, 31500], h.TimesOf<ResendLastResponseAction>());
        Assert.Equal([32_000], h.TimesOf<ReportTimeoutAction>());
    }

    [Fact]
    public void Layer_in_accepted_mode_absorbs_a_retransmitted_invite_and_passes_the_ack_up()
    {
        var h = new LayerHarness(useAcceptedState: true);
        var invite = SipText.Invite();
        h.Layer.ReceiveRequest(invite, LayerHarness.Udp);
        var key = h.Sink.Of<RequestReceived>()[^1].Key!;
        var ok = SipText.ResponseTo(invite, 200);
        Assert.True(h.Layer.SendResponse(key, ok));
        Assert.Equal(TransactionPhase.Accepted, h.Layer.PhaseOf(key));

        Assert.Equal(ServerRequestOutcome.Retransmission, h.Layer.ReceiveRequest(invite, LayerHarness.Udp));
        Assert.True(h.Layer.SendResponse(key, ok));
        var ack = SipText.Invite(method: "ACK", branch: "z9hG4bKack2xx", toTag: "314159");
        Assert.Equal(ServerRequestOutcome.AckPassedToTu, h.Layer.ReceiveRequest(ack, LayerHarness.Udp));
        var sameBranchAck = SipText.Invite(method: "ACK", toTag: "314159");
        Assert.Equal(ServerRequestOutcome.AckPassedToTu, h.Layer.ReceiveRequest(sameBranchAck, LayerHarness.Udp));
        Assert.Equal(TransactionPhase.Accepted, h.Layer.PhaseOf(key));
        h.RunUntil(40_000);

        Assert.Single(h.Sink.Of<RequestReceived>(), r => r.Request.Method == "INVITE");
        Assert.Equal(2, h.Sink.Sent.Count(s => s.Message is SipResponse { StatusCode: 200 }));
        Assert.Null(h.Layer.PhaseOf(key));
    }

    [Fact]
    public void Layer_in_accepted_mode_stops_2xx_retransmissions_when_the_ack_with_a_new_branch_arrives()
    {
        var h = new LayerHarness(useAcceptedState: true);
        var invite = SipText.Invite();
        h.Layer.ReceiveRequest(invite, LayerHarness.Udp);
        var key = h.Sink.Of<RequestReceived>()[^1].Key!;
        h.Layer.SendResponse(key, SipText.ResponseTo(invite, 200, toTag: "uas-9"));
        h.RunUntil(2000);
        var ack = SipText.Invite(method: "ACK", branch: "z9hG4bKfreshack", toTag: "uas-9");

        Assert.Equal(ServerRequestOutcome.AckPassedToTu, h.Layer.ReceiveRequest(ack, LayerHarness.Udp));
        h.RunUntil(40_000);

        Assert.Equal([0, 500, 1500], h.Sink.SentTimes(m => m is SipResponse { StatusCode: 200 }));
        Assert.Empty(h.Sink.Of<AckTimedOut>());
        Assert.Same(ack, h.Sink.Of<RequestReceived>()[^1].Request);
        Assert.Equal(0, h.Layer.Count);
    }

    [Fact]
    public void Layer_in_accepted_mode_reports_a_2xx_that_was_never_acknowledged()
    {
        var h = new LayerHarness(useAcceptedState: true);
        var invite = SipText.Invite();
        h.Layer.ReceiveRequest(invite, LayerHarness.Udp);
        var key = h.Sink.Of<RequestReceived>()[^1].Key!;
        h.Layer.SendResponse(key, SipText.ResponseTo(invite, 200));
        h.Layer.ReceiveRequest(SipText.Invite(method: "ACK", branch: "z9hG4bKother", toTag: "someone-else"), LayerHarness.Udp);
        h.RunUntil(40_000);

        Assert.Equal(key, Assert.Single(h.Sink.Of<AckTimedOut>()).Key);
        Assert.Equal([32_000], h.Sink.Notices.Where(n => n.Notice is AckTimedOut).Select(n => n.AtMs));
    }

    [Fact]
    public void Layer_in_accepted_mode_gives_2xx_retransmissions_to_the_TU_with_the_transaction_key()
    {
        var h = new LayerHarness(useAcceptedState: true);
        var invite = SipText.Invite();
        h.Layer.TrySendRequest(invite, LayerHarness.Udp, out var key, out _);
        h.Layer.ReceiveResponse(SipText.ResponseTo(invite, 200));
        h.Layer.ReceiveResponse(SipText.ResponseTo(invite, 200));

        Assert.Equal([key, key], h.Sink.Of<ResponseReceived>().Select(r => r.Key));
        Assert.Equal(TransactionPhase.Accepted, h.Layer.PhaseOf(key!));
        h.RunUntil(32_000);
        Assert.Null(h.Layer.PhaseOf(key!));
    }
}
