using CallCluster.Sip.Message;
using CallCluster.Sip.Transactions;

namespace CallCluster.Sip.Tests.Transactions;

public sealed class MatchingLayerTests
{
    private static bool Status(SipMessage m, int status) => m is SipResponse r && r.StatusCode == status;

    [Fact]
    public void Cancel_is_matched_to_its_invite_server_transaction()
    {
        var h = new LayerHarness();
        var invite = SipText.Invite(branch: "z9hG4bKcancelme");
        h.Layer.ReceiveRequest(invite, LayerHarness.Udp);
        var inviteKey = h.Sink.Of<RequestReceived>()[^1].Key;
        var cancel = SipText.Invite(branch: "z9hG4bKcancelme", method: "CANCEL");

        Assert.Equal(inviteKey, h.Layer.FindInviteFor(cancel));
        Assert.Equal(ServerRequestOutcome.CancelPassedToTu, h.Layer.ReceiveRequest(cancel, LayerHarness.Udp));
        var notice = Assert.Single(h.Sink.Of<CancelReceived>());
        Assert.Equal(inviteKey, notice.InviteKey);
        Assert.NotEqual(inviteKey, notice.CancelKey);
        Assert.Equal("CANCEL", notice.CancelKey.Method);
        Assert.Equal(2, h.Layer.Count);
    }

    [Fact]
    public void Cancel_for_an_unknown_invite_is_answered_481()
    {
        var h = new LayerHarness();
        h.Layer.ReceiveRequest(SipText.Invite(branch: "z9hG4bKone"), LayerHarness.Udp);
        var cancel = SipText.Invite(branch: "z9hG4bKother", method: "CANCEL");

        Assert.Null(h.Layer.FindInviteFor(cancel));
        Assert.Equal(ServerRequestOutcome.CancelUnmatched, h.Layer.ReceiveRequest(cancel, LayerHarness.Udp));
        Assert.Equal([0], h.Sink.SentTimes(m => Status(m, 481)));
        Assert.Empty(h.Sink.Of<CancelReceived>());
    }

    [Fact]
    public void Cancel_matcher_maps_the_cancel_to_the_invite_key()
    {
        var cancel = SipText.Invite(branch: "z9hG4bKk1", method: "CANCEL", sentBy: "Host.Example.com:5070");

        var key = CancelMatcher.InviteKeyFor(cancel);

        Assert.Equal(TransactionKey.Server3261("z9hG4bKk1", "host.example.com:5070", "INVITE"), key);
        Assert.Null(CancelMatcher.InviteKeyFor(SipText.Invite()));
    }

    [Fact]
    public void Merged_request_from_another_path_is_answered_482_and_not_passed_up()
    {
        var h = new LayerHarness();
        h.Layer.ReceiveRequest(SipText.Invite(branch: "z9hG4bKpath1", sentBy: "proxy1.example.com"), LayerHarness.Udp);
        var merged = SipText.Invite(branch: "z9hG4bKpath2", sentBy: "proxy2.example.com");

        Assert.Equal(ServerRequestOutcome.Merged, h.Layer.ReceiveRequest(merged, LayerHarness.Udp));
        Assert.Equal([0], h.Sink.SentTimes(m => Status(m, 482)));
        Assert.Single(h.Sink.Of<RequestReceived>());

        Assert.Equal(ServerRequestOutcome.Retransmission, h.Layer.ReceiveRequest(merged, LayerHarness.Udp));
        Assert.Equal([0, 0], h.Sink.SentTimes(m => Status(m, 482)));
    }

    [Fact]
    public void Requests_with_a_To_tag_or_another_cseq_are_not_merged()
    {
        var h = new LayerHarness();
        h.Layer.ReceiveRequest(SipText.Invite(branch: "z9hG4bKp1", toTag: "dlg"), LayerHarness.Udp);
        h.Layer.ReceiveRequest(SipText.Invite(branch: "z9hG4bKq1"), LayerHarness.Udp);

        Assert.Equal(ServerRequestOutcome.NewTransaction, h.Layer.ReceiveRequest(SipText.Invite(branch: "z9hG4bKp2", toTag: "dlg"), LayerHarness.Udp));
        Assert.Equal(ServerRequestOutcome.NewTransaction, h.Layer.ReceiveRequest(SipText.Invite(branch: "z9hG4bKq2", cseq: 2), LayerHarness.Udp));
        Assert.Empty(h.Sink.SentTimes(m => Status(m, 482)));
    }

    [Fact]
    public void Rfc_2543_request_without_magic_cookie_matches_retransmissions_ack_and_cancel()
    {
        var h = new LayerHarness();
        var invite = SipText.Invite(branch: string.Empty);
        Assert.Equal(ServerRequestOutcome.NewTransaction, h.Layer.ReceiveRequest(invite, LayerHarness.Udp));
        var key = h.Sink.Of<RequestReceived>()[^1].Key!;
        Assert.True(key.IsRfc2543);

        Assert.Equal(ServerRequestOutcome.Retransmission, h.Layer.ReceiveRequest(SipText.Invite(branch: string.Empty), LayerHarness.Udp));
        Assert.Equal(key, h.Layer.FindInviteFor(SipText.Invite(branch: string.Empty, method: "CANCEL")));

        h.Layer.SendResponse(key, SipText.ResponseTo(invite, 404, toTag: "uas1"));
        Assert.Equal(ServerRequestOutcome.AckPassedToTu,
            h.Layer.ReceiveRequest(SipText.Invite(branch: string.Empty, method: "ACK", toTag: "wrong"), LayerHarness.Udp));
        Assert.Equal(ServerRequestOutcome.AckAbsorbed,
            h.Layer.ReceiveRequest(SipText.Invite(branch: string.Empty, method: "ACK", toTag: "uas1"), LayerHarness.Udp));
        Assert.Equal(TransactionPhase.Confirmed, h.Layer.PhaseOf(key));
    }

    [Fact]
    public void Rfc_2543_requests_differing_in_call_id_or_request_uri_are_different_transactions()
    {
        var h = new LayerHarness();
        h.Layer.ReceiveRequest(SipText.Invite(branch: "1"), LayerHarness.Udp);

        Assert.Equal(ServerRequestOutcome.NewTransaction,
            h.Layer.ReceiveRequest(SipText.Invite(branch: "1", callId: "other@host", fromTag: "f2"), LayerHarness.Udp));
        Assert.Equal(ServerRequestOutcome.NewTransaction,
            h.Layer.ReceiveRequest(SipText.Invite(branch: "1", uri: "sip:carol@biloxi.example.com", fromTag: "f3"), LayerHarness.Udp));
        Assert.Equal(3, h.Layer.Count);
    }

    [Fact]
    public void A_full_table_refuses_new_transactions_but_still_absorbs_retransmissions()
    {
        var h = new LayerHarness(maxTransactions: 2);
        var first = SipText.Invite(branch: "z9hG4bKf1", fromTag: "a");
        h.Layer.ReceiveRequest(first, LayerHarness.Udp);
        h.Layer.TrySendRequest(SipText.Invite(branch: "z9hG4bKc1"), LayerHarness.Udp, out _, out _);

        Assert.Equal(ServerRequestOutcome.Overloaded, h.Layer.ReceiveRequest(SipText.Invite(branch: "z9hG4bKf2", fromTag: "b"), LayerHarness.Udp));
        Assert.False(h.Layer.TrySendRequest(SipText.Invite(branch: "z9hG4bKc2"), LayerHarness.Udp, out _, out var error));
        Assert.NotEmpty(error);
        Assert.Equal(ServerRequestOutcome.Retransmission, h.Layer.ReceiveRequest(first, LayerHarness.Udp));
        Assert.Equal(2, h.Layer.Count);
    }

    [Fact]
    public void Messages_with_unusable_via_are_refused_without_side_effects()
    {
        var h = new LayerHarness();
        var invite = SipText.Invite(method: "OPTIONS");
        var badRequest = (SipRequest)invite.WithHeader("Via", "not a via");
        var badResponse = (SipResponse)SipText.ResponseTo(invite, 200).WithHeader("Via", "not a via");

        Assert.Equal(ServerRequestOutcome.Invalid, h.Layer.ReceiveRequest(badRequest, LayerHarness.Udp));
        Assert.False(h.Layer.TrySendRequest(badRequest, LayerHarness.Udp, out var key, out var error));
        Assert.Null(key);
        Assert.NotEmpty(error);
        Assert.False(h.Layer.ReceiveResponse(badResponse));
        Assert.Empty(h.Sink.Notices);
        Assert.Empty(h.Sink.Sent);
        Assert.Equal(0, h.Layer.Count);
    }
}
