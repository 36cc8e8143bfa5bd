using CallCluster.Actors.MediaProtocol;
using CallCluster.Actors.Sessions;
using static CallCluster.Actors.Sessions.SessionCommands;
using static CallCluster.Actors.Sessions.SessionEffects;
using static CallCluster.Actors.Sessions.SessionEvents;
using static CallCluster.Actors.Sessions.SessionReplies;

namespace CallCluster.Actors.Tests.Sessions;

public sealed class PlainCallDecideTests
{
    [Fact]
    public void Inbound_invite_creates_the_session_with_two_legs_and_asks_for_two_endpoints()
    {
        var sc = new SessionScenario();
        var d = sc.Invite("a", SessionKind.Plain, SessionScenario.Mobile, SessionScenario.RemoteParty, LegRole.Callee);

        Assert.IsType<Accepted>(d.Reply);
        Assert.IsType<SessionCreated>(d.Events[0]);
        Assert.Equal(SessionPhase.Setup, sc.State.Phase);
        Assert.Equal([LegRole.Caller, LegRole.Callee], sc.State.Legs.Select(l => l.Role));
        Assert.Equal(LegPhase.Pending, sc.LegOf(LegRole.Callee).Phase);
        Assert.Equal(2, sc.Effects<AllocateMedia>().Count);
        Assert.Empty(sc.Effects<SendInvite>());
    }

    [Fact]
    public void Invite_goes_out_once_the_callee_endpoint_is_ready_without_auto_answer_headers()
    {
        var sc = new SessionScenario();
        var (_, callee) = sc.StartPlain();

        var invite = Assert.Single(sc.Events.OfType<LegInvited>());
        Assert.Equal(callee, invite.LegId);
        Assert.Equal(LegPhase.Inviting, sc.Leg(callee).Phase);
        Assert.Equal("local-sdp-" + callee.Value, sc.Leg(callee).LocalSdp);
        var again = sc.State.Decide(new MediaEndpointReady(sc.Id, callee, "media-1", "ep-" + callee.Value, "x"), sc.Now);
        Assert.Empty(again.Events);
    }

    [Fact]
    public void Invite_effect_carries_endpoint_sdp_and_no_trust_headers()
    {
        var sc = new SessionScenario();
        sc.Invite("a", SessionKind.Plain, SessionScenario.Mobile, SessionScenario.RemoteParty, LegRole.Callee);
        sc.Run(new MediaEndpointReady(sc.Id, new LegId("a"), "media-1", "ep-a", "local-a"));
        var callee = sc.PartnerOf(new LegId("a"));
        sc.Run(new MediaEndpointReady(sc.Id, callee, "media-1", "ep-b", "local-b"));

        var invite = sc.Effect<SendInvite>();
        Assert.Equal("local-b", invite.Sdp);
        Assert.Equal(SessionScenario.RemoteParty, invite.To);
        Assert.Equal(SessionScenario.Mobile, invite.From);
        Assert.Empty(invite.Headers);
    }

    [Fact]
    public void First_provisional_is_recorded_and_relayed_later_ones_are_only_relayed()
    {
        var sc = new SessionScenario();
        var (caller, callee) = sc.StartPlain();

        sc.Ring(callee);
        Assert.Equal(2, sc.Last.Events.OfType<LegProvisional>().Count());
        Assert.Equal(180, sc.Effect<SendProvisional>().Status);
        Assert.Equal(caller, sc.Effect<SendProvisional>().LegId);
        Assert.Equal(SessionPhase.Ringing, sc.State.Phase);

        sc.Ring(callee);
        Assert.Empty(sc.Last.Events);
        Assert.Single(sc.Effects<SendProvisional>());
    }

    [Fact]
    public void Answer_answers_the_caller_with_its_endpoint_sdp_and_bridges_both_endpoints()
    {
        var sc = new SessionScenario();
        var (caller, callee) = sc.StartPlain();
        sc.Answer(callee);

        var answer = sc.Effect<AnswerInvite>();
        Assert.Equal(caller, answer.LegId);
        Assert.Equal("local-sdp-a", answer.Sdp);
        Assert.Equal("answer-" + callee.Value, sc.Effect<ConfigureMedia>().RemoteSdp);
        var bridge = sc.Effect<TransferMediaToBridge>();
        Assert.Equal(("ep-a", "ep-" + callee.Value), (bridge.EndpointIdA, bridge.EndpointIdB));
        Assert.Empty(sc.Effects<MixMedia>());
        Assert.Equal(MediaTopologyKind.Bridge, sc.State.Topology!.Kind);
        Assert.Equal(SessionPhase.Established, sc.State.Phase);
        Assert.Equal(LegPhase.Confirmed, sc.Leg(caller).Phase);
        Assert.NotNull(sc.State.AnsweredAt);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Bye_from_either_side_ends_the_other_and_the_session(bool callerHangsUp)
    {
        var sc = new SessionScenario();
        var (caller, callee) = sc.StartPlain();
        sc.Answer(callee);
        var (gone, other) = callerHangsUp ? (caller, callee) : (callee, caller);
        var dialogCSeq = sc.Leg(other).Dialog!.LocalCSeq;

        var d = sc.Bye(gone);

        Assert.IsType<Accepted>(d.Reply);
        var bye = sc.Effect<SendBye>();
        Assert.Equal(other, bye.LegId);
        Assert.Equal(dialogCSeq + 1, bye.Dialog.LocalCSeq);
        Assert.Equal(SessionPhase.Ending, sc.State.Phase);
        Assert.Equal(SessionEndReason.NormalClearing, sc.State.EndReason);
        Assert.Single(sc.Effects<WriteSessionCdr>());
        Assert.Single(sc.Effects<ReleaseSessionMedia>());
        Assert.Equal(LegEndCause.ByeReceived, sc.Leg(gone).EndCause);
        Assert.Equal(LegEndCause.ByeSent, sc.Leg(other).EndCause);
    }

    [Theory]
    [InlineData(486, 486, SessionEndReason.CalleeBusy)]
    [InlineData(600, 600, SessionEndReason.CalleeBusy)]
    [InlineData(408, 408, SessionEndReason.CalleeNoAnswer)]
    [InlineData(480, 480, SessionEndReason.CalleeUnavailable)]
    [InlineData(404, 404, SessionEndReason.CalleeUnavailable)]
    [InlineData(503, 502, SessionEndReason.CalleeUnavailable)]
    [InlineData(603, 603, SessionEndReason.CalleeRejected)]
    [InlineData(407, 502, SessionEndReason.CalleeRejected)]
    [InlineData(302, 480, SessionEndReason.CalleeRejected)]
    public void Callee_failure_is_mapped_to_the_caller(int status, int toCaller, SessionEndReason reason)
    {
        var sc = new SessionScenario();
        var (caller, callee) = sc.StartPlain();
        sc.Fail(callee, status);

        var reject = sc.Effect<RejectInvite>();
        Assert.Equal(caller, reject.LegId);
        Assert.Equal(toCaller, reject.Status);
        Assert.Equal(reason, sc.State.EndReason);
        Assert.Equal(toCaller, sc.State.EndStatus);
        Assert.Equal(SessionPhase.Ending, sc.State.Phase);
        Assert.Equal(2, sc.Effects<ReleaseMedia>().Count);
    }

    [Fact]
    public void Caller_cancel_rejects_487_cancels_the_callee_and_a_crossing_200_is_hung_up()
    {
        var sc = new SessionScenario();
        var (caller, callee) = sc.StartPlain();
        sc.Ring(callee);
        sc.Run(new CancelReceived(sc.Id, caller));

        Assert.Equal(487, sc.Effect<RejectInvite>().Status);
        Assert.Equal(callee, sc.Effect<SendCancel>().LegId);
        Assert.Equal(sc.Leg(callee).CallId, sc.Effect<SendCancel>().CallId);
        Assert.Equal(SessionEndReason.CallerCancelled, sc.State.EndReason);

        var late = sc.Answer(callee);
        Assert.Empty(late.Events);
        Assert.Equal(callee, sc.Effect<SendBye>().LegId);
    }

    [Fact]
    public void Cancel_after_answer_changes_nothing()
    {
        var sc = new SessionScenario();
        var (caller, callee) = sc.StartPlain();
        sc.Answer(callee);
        var d = sc.Run(new CancelReceived(sc.Id, caller));
        Assert.IsType<Accepted>(d.Reply);
        Assert.Empty(d.Events);
        Assert.Empty(d.Effects);
    }

    [Fact]
    public void Without_anchoring_the_offer_and_answer_pass_end_to_end()
    {
        var sc = new SessionScenario();
        var d = sc.Invite("a", SessionKind.Plain, SessionScenario.Mobile, SessionScenario.RemoteParty, LegRole.Callee, anchor: false);
        Assert.Empty(sc.Effects<AllocateMedia>());
        Assert.Equal("offer-a", sc.Effect<SendInvite>().Sdp);
        Assert.IsType<Accepted>(d.Reply);

        var callee = sc.PartnerOf(new LegId("a"));
        sc.Answer(callee);
        Assert.Equal("answer-" + callee.Value, sc.Effect<AnswerInvite>().Sdp);
        Assert.Empty(sc.Effects<MixMedia>());
        Assert.Empty(sc.Effects<TransferMediaToBridge>());

        var reinvite = sc.Run(new ReInviteReceived(sc.Id, callee, "changed", 11));
        Assert.Equal(488, Assert.IsType<Rejected>(reinvite.Reply).Status);
    }

    [Fact]
    public void Re_invite_with_new_sdp_reconfigures_the_endpoint_and_answers_with_ours()
    {
        var sc = new SessionScenario();
        var (caller, callee) = sc.StartPlain();
        sc.Answer(callee);

        var d = sc.Run(new ReInviteReceived(sc.Id, caller, "hold-sdp", 11));
        var answer = Assert.IsType<InDialogAnswer>(d.Reply);
        Assert.Equal(200, answer.Status);
        Assert.Equal("local-sdp-a", answer.Sdp);
        Assert.Equal("hold-sdp", sc.Effect<ConfigureMedia>().RemoteSdp);
        Assert.Equal(11, sc.Leg(caller).Dialog!.RemoteCSeq);

        var refresh = sc.Run(new ReInviteReceived(sc.Id, caller, null, 12, IsUpdate: true));
        Assert.Empty(refresh.Events);
        Assert.Equal(200, Assert.IsType<InDialogAnswer>(refresh.Reply).Status);
    }

    [Fact]
    public void Re_invite_before_answer_is_491_and_on_unknown_leg_481()
    {
        var sc = new SessionScenario();
        var (caller, _) = sc.StartPlain();
        Assert.Equal(491, Assert.IsType<Rejected>(sc.Run(new ReInviteReceived(sc.Id, caller, "x", 2)).Reply).Status);
        Assert.Equal(481, Assert.IsType<Rejected>(sc.Run(new ReInviteReceived(sc.Id, new LegId("zz"), "x", 2)).Reply).Status);
    }

    [Fact]
    public void Session_timer_expiry_sends_bye_to_both_legs()
    {
        var sc = new SessionScenario();
        var (caller, callee) = sc.StartPlain();
        sc.Answer(callee);
        sc.Run(new SessionTimerExpired(sc.Id, callee));

        Assert.Equal([callee, caller], sc.Effects<SendBye>().Select(b => b.LegId));
        Assert.Equal(LegEndCause.SessionTimerExpired, sc.Leg(callee).EndCause);
        Assert.Equal(SessionEndReason.SessionTimerExpired, sc.State.EndReason);
    }

    [Fact]
    public void Refresh_and_ack_change_nothing()
    {
        var sc = new SessionScenario();
        var (caller, callee) = sc.StartPlain();
        sc.Answer(callee);
        Assert.Empty(sc.Run(new SessionTimerRefreshed(sc.Id, callee)).Events);
        Assert.Empty(sc.Run(new AckReceived(sc.Id, caller)).Events);
        Assert.Empty(sc.Last.Effects);
    }

    [Fact]
    public void Second_call_on_a_plain_session_is_busy()
    {
        var sc = new SessionScenario();
        sc.StartPlain();
        var d = sc.Invite("x", SessionKind.Plain, SessionScenario.Carol, SessionScenario.RemoteParty, LegRole.Callee);
        Assert.Equal(486, Assert.IsType<Rejected>(d.Reply).Status);
        Assert.Empty(d.Events);
    }

    [Fact]
    public void Retransmitted_invite_is_accepted_without_events()
    {
        var sc = new SessionScenario();
        sc.StartPlain();
        var d = sc.Invite("a", SessionKind.Plain, SessionScenario.Mobile, SessionScenario.RemoteParty, LegRole.Callee);
        Assert.IsType<Accepted>(d.Reply);
        Assert.Empty(d.Events);
        Assert.Empty(d.Effects);
    }

    [Fact]
    public void Commands_for_a_session_that_does_not_exist_get_481()
    {
        var sc = new SessionScenario();
        var d = sc.Bye(new LegId("a"));
        Assert.Equal(481, Assert.IsType<Rejected>(d.Reply).Status);
        Assert.False(sc.State.Exists);
    }

    [Fact]
    public void Plain_invite_for_a_local_terminal_role_is_refused()
    {
        var sc = new SessionScenario();
        var d = sc.Invite("a", SessionKind.Plain, SessionScenario.Carol, SessionScenario.Tv, LegRole.LocalTerminal);
        Assert.Equal(400, Assert.IsType<Rejected>(d.Reply).Status);
        Assert.False(sc.State.Exists);
    }

    [Fact]
    public void Cdr_confirmation_moves_ending_to_ended()
    {
        var sc = new SessionScenario();
        var (caller, callee) = sc.StartPlain();
        Assert.Equal(409, Assert.IsType<Rejected>(sc.Run(new ConfirmCdr(sc.Id)).Reply).Status);
        sc.Answer(callee);
        sc.Bye(caller);
        sc.Run(new ConfirmCdr(sc.Id));
        Assert.Equal(SessionPhase.Ended, sc.State.Phase);
        Assert.Empty(sc.Run(new ConfirmCdr(sc.Id)).Events);
    }
}
