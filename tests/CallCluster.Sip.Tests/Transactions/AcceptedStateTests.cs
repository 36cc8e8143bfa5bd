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
        var h = new MachineHarness(ServerInviteMachine.Start(TransactionTimers.Default, reliable: false, useAcceptedState: true));
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
