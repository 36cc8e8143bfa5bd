using CallCluster.Sip.Message;
using CallCluster.Sip.Transactions;

namespace CallCluster.Sip.Tests.Transactions;

public sealed class ClientLayerTests
{
    private static bool IsInvite(SipMessage m) => m is SipRequest { Method: "INVITE" };

    private static bool IsAck(SipMessage m) => m is SipRequest { Method: "ACK" };

    [Fact]
    public void Invite_is_retransmitted_on_timer_A_and_times_out_with_a_local_408_on_timer_B()
    {
        var h = new LayerHarness();
        var invite = SipText.Invite();
        Assert.True(h.Layer.TrySendRequest(invite, LayerHarness.Udp, out var key, out _));
        h.RunUntil(40_000);

        Assert.Equal([0, 500, 1500, 3500, 7500, 15500, 31500], h.Sink.SentTimes(IsInvite));
        var timeout = Assert.Single(h.Sink.Of<ResponseReceived>());
        Assert.Equal(408, timeout.Response.StatusCode);
        Assert.True(timeout.Local);
        Assert.Equal(key, timeout.Key);
        Assert.Equal(0, h.Layer.Count);
        Assert.Single(h.Sink.Of<TransactionTerminated>());
    }

    [Fact]
    public void Timers_follow_a_configured_T1()
    {
        var h = new LayerHarness(new TransactionTimers(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5)));
        h.Layer.TrySendRequest(SipText.Invite(), LayerHarness.Udp, out _, out _);
        h.RunUntil(20_000);

        Assert.Equal([0, 250, 750, 1750, 3750, 7750, 15750], h.Sink.SentTimes(IsInvite));
        Assert.Equal([16_000], h.Sink.Notices.Where(n => n.Notice is ResponseReceived).Select(n => n.AtMs));
    }

    [Fact]
    public void Reliable_transport_sends_the_invite_once()
    {
        var h = new LayerHarness();
        h.Layer.TrySendRequest(SipText.Invite(), LayerHarness.Tcp, out _, out _);
        h.RunUntil(40_000);

        Assert.Equal([0], h.Sink.SentTimes(IsInvite));
        Assert.Equal(408, Assert.Single(h.Sink.Of<ResponseReceived>()).Response.StatusCode);
    }

    [Fact]
    public void Failure_response_is_acknowledged_with_the_rfc_3261_17_1_1_3_headers()
    {
        var h = new LayerHarness();
        var invite = SipText.Invite(cseq: 7);
        h.Layer.TrySendRequest(invite, LayerHarness.Udp, out var key, out _);
        h.RunUntil(100);
        Assert.True(h.Layer.ReceiveResponse(SipText.ResponseTo(invite, 486, toTag: "bob-tag")));

        var ack = (SipRequest)h.Sink.Sent.Single(s => IsAck(s.Message)).Message;
        Assert.Equal(invite.RequestUriText, ack.RequestUriText);
        Assert.Equal(invite.GetHeaderValue("Via"), ack.GetHeaderValue("Via"));
        Assert.Single(ack.GetHeaderValues("Via"));
        Assert.Equal(invite.GetHeaderValue("From"), ack.GetHeaderValue("From"));
        Assert.Equal(invite.GetHeaderValue("Call-ID"), ack.GetHeaderValue("Call-ID"));
        Assert.Contains(";tag=bob-tag", ack.GetHeaderValue("To"), StringComparison.Ordinal);
        Assert.Equal("7 ACK", ack.GetHeaderValue("CSeq"));
        Assert.Equal(TransactionPhase.Completed, h.Layer.PhaseOf(key!));
        Assert.Equal(486, Assert.Single(h.Sink.Of<ResponseReceived>()).Response.StatusCode);
    }

    [Fact]
    public void Retransmitted_failure_response_is_acknowledged_again_but_not_passed_up_and_timer_D_ends_it()
    {
        var h = new LayerHarness();
        var invite = SipText.Invite();
        h.Layer.TrySendRequest(invite, LayerHarness.Udp, out _, out _);
        h.RunUntil(100);
        h.Layer.ReceiveResponse(SipText.ResponseTo(invite, 603));
        h.RunUntil(600);
        h.Layer.ReceiveResponse(SipText.ResponseTo(invite, 603));
        h.RunUntil(40_000);

        Assert.Equal([100, 600], h.Sink.SentTimes(IsAck));
        Assert.Equal([0], h.Sink.SentTimes(IsInvite));
        Assert.Single(h.Sink.Of<ResponseReceived>());
        Assert.Equal([32_100], h.Sink.Notices.Where(n => n.Notice is TransactionTerminated).Select(n => n.AtMs));
    }

    [Fact]
    public void Success_response_passes_to_the_TU_and_terminates_and_its_retransmission_is_stray()
    {
        var h = new LayerHarness();
        var invite = SipText.Invite();
        h.Layer.TrySendRequest(invite, LayerHarness.Udp, out var key, out _);
        h.Layer.ReceiveResponse(SipText.ResponseTo(invite, 100, toTag: null));
        h.Layer.ReceiveResponse(SipText.ResponseTo(invite, 180));
        h.Layer.ReceiveResponse(SipText.ResponseTo(invite, 200));

        Assert.Null(h.Layer.PhaseOf(key!));
        Assert.Equal(0, h.Layer.Count);
        Assert.Equal([100, 180, 200], h.Sink.Of<ResponseReceived>().Select(r => r.Response.StatusCode));
        Assert.Empty(h.Sink.SentTimes(IsAck));

        Assert.False(h.Layer.ReceiveResponse(SipText.ResponseTo(invite, 200)));
        var stray = h.Sink.Of<ResponseReceived>()[^1];
        Assert.Null(stray.Key);
        Assert.Equal(200, stray.Response.StatusCode);
    }

    [Fact]
    public void Non_invite_retransmissions_are_capped_by_T2_and_timer_K_follows_the_final_response()
    {
        var h = new LayerHarness(new TransactionTimers(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3)));
        var options = SipText.Invite(method: "OPTIONS");
        h.Layer.TrySendRequest(options, LayerHarness.Udp, out var key, out _);
        h.RunUntil(8000);
        h.Layer.ReceiveResponse(SipText.ResponseTo(options, 200));
        h.RunUntil(20_000);

        Assert.Equal([0, 500, 1500, 3500, 5500, 7500], h.Sink.SentTimes(m => m is SipRequest { Method: "OPTIONS" }));
        Assert.Equal([11_000], h.Sink.Notices.Where(n => n.Notice is TransactionTerminated).Select(n => n.AtMs));
        Assert.Null(h.Layer.PhaseOf(key!));
    }

    [Fact]
    public void Non_invite_times_out_on_timer_F()
    {
        var h = new LayerHarness();
        h.Layer.TrySendRequest(SipText.Invite(method: "BYE", toTag: "x"), LayerHarness.Udp, out _, out _);
        h.RunUntil(31_999);
        Assert.Empty(h.Sink.Of<ResponseReceived>());
        h.RunUntil(32_000);

        Assert.Equal(408, Assert.Single(h.Sink.Of<ResponseReceived>()).Response.StatusCode);
    }

    [Fact]
    public void Transport_error_gives_the_TU_a_local_503()
    {
        var h = new LayerHarness();
        h.Layer.TrySendRequest(SipText.Invite(), LayerHarness.Tcp, out var key, out _);

        Assert.True(h.Layer.ReportTransportError(key!));
        var failure = Assert.Single(h.Sink.Of<ResponseReceived>());
        Assert.Equal(503, failure.Response.StatusCode);
        Assert.True(failure.Local);
        Assert.Equal(0, h.Layer.Count);
    }

    [Fact]
    public void Ack_and_duplicate_branches_cannot_start_client_transactions()
    {
        var h = new LayerHarness();

        Assert.False(h.Layer.TrySendRequest(SipText.Invite(method: "ACK"), LayerHarness.Udp, out _, out var ackError));
        Assert.True(h.Layer.TrySendRequest(SipText.Invite(), LayerHarness.Udp, out _, out _));
        Assert.False(h.Layer.TrySendRequest(SipText.Invite(), LayerHarness.Udp, out _, out var duplicateError));
        Assert.NotEmpty(ackError);
        Assert.NotEmpty(duplicateError);
        Assert.Equal(1, h.Layer.Count);
    }

    [Fact]
    public void Responses_match_by_branch_and_cseq_method()
    {
        var h = new LayerHarness();
        var invite = SipText.Invite(branch: "z9hG4bKsame");
        h.Layer.TrySendRequest(invite, LayerHarness.Udp, out var inviteKey, out _);
        var cancel = SipText.Invite(branch: "z9hG4bKsame", method: "CANCEL");
        h.Layer.TrySendRequest(cancel, LayerHarness.Udp, out var cancelKey, out _);

        h.Layer.ReceiveResponse(SipText.ResponseTo(cancel, 200));

        Assert.NotEqual(inviteKey, cancelKey);
        Assert.Equal(cancelKey, Assert.Single(h.Sink.Of<ResponseReceived>()).Key);
        Assert.Equal(TransactionPhase.Calling, h.Layer.PhaseOf(inviteKey!));
    }
}
