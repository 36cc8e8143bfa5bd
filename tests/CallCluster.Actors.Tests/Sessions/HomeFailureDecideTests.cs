using CallCluster.Actors.Sessions;
using static CallCluster.Actors.Sessions.SessionCommands;
using static CallCluster.Actors.Sessions.SessionEffects;
using static CallCluster.Actors.Sessions.SessionEvents;
using static CallCluster.Actors.Sessions.SessionReplies;

namespace CallCluster.Actors.Tests.Sessions;

/// <summary>Every failure case of the home call (DESIGN section 1) as a pure decision.</summary>
public sealed class HomeFailureDecideTests
{
    [Fact]
    public void Local_terminal_not_registered_gives_the_mobile_480()
    {
        var sc = new SessionScenario();
        var (m1, local, _, _) = sc.StartHome(both: false);
        sc.Fail(local, 480);

        var reject = sc.Effect<RejectInvite>();
        Assert.Equal(m1, reject.LegId);
        Assert.Equal(480, reject.Status);
        Assert.Equal(SessionEndReason.LocalTerminalUnavailable, sc.State.EndReason);
        Assert.Equal(SessionPhase.Ending, sc.State.Phase);
    }

    [Theory]
    [InlineData(603, 603, SessionEndReason.LocalTerminalRejected)]
    [InlineData(486, 486, SessionEndReason.LocalTerminalRejected)]
    [InlineData(404, 404, SessionEndReason.LocalTerminalUnavailable)]
    [InlineData(408, 408, SessionEndReason.LocalTerminalUnavailable)]
    public void Local_terminal_rejecting_is_relayed_to_the_mobile(int status, int toMobile, SessionEndReason reason)
    {
        var sc = new SessionScenario();
        var (_, local, _, _) = sc.StartHome(both: false);
        sc.Fail(local, status);
        Assert.Equal(toMobile, sc.Effect<RejectInvite>().Status);
        Assert.Equal(reason, sc.State.EndReason);
    }

    [Theory]
    [InlineData(486, 486, SessionEndReason.RemoteBusy)]
    [InlineData(600, 600, SessionEndReason.RemoteBusy)]
    [InlineData(408, 408, SessionEndReason.RemoteNoAnswer)]
    [InlineData(480, 480, SessionEndReason.RemoteUnavailable)]
    [InlineData(403, 403, SessionEndReason.RemoteRejected)]
    [InlineData(603, 603, SessionEndReason.RemoteRejected)]
    public void Remote_failure_is_relayed_to_the_mobile_call_to_it(int status, int toMobile, SessionEndReason reason)
    {
        var sc = new SessionScenario();
        sc.Invite("m2", SessionKind.Home, SessionScenario.Mobile, SessionScenario.RemoteParty, LegRole.Remote);
        sc.MediaReadyForAll();
        sc.Fail(sc.PartnerOf(new LegId("m2")), status);
        Assert.Equal(toMobile, sc.Effect<RejectInvite>().Status);
        Assert.Equal(reason, sc.State.EndReason);
        Assert.Equal(SessionPhase.Ending, sc.State.Phase);
    }

    [Fact]
    public void Remote_busy_while_the_local_terminal_call_is_up_keeps_that_call()
    {
        var sc = new SessionScenario();
        var (m1, local, m2, remote) = sc.StartHome();
        sc.Answer(local);
        sc.Fail(remote, 486);

        Assert.Equal(m2, sc.Effect<RejectInvite>().LegId);
        Assert.Equal(SessionPhase.Established, sc.State.Phase);
        Assert.True(sc.Leg(m1).IsConnected);
        Assert.Empty(sc.Effects<SendBye>());
    }

    [Fact]
    public void Local_terminal_failing_while_the_remote_call_is_up_keeps_the_remote_call()
    {
        var sc = new SessionScenario();
        var (m1, local, m2, remote) = sc.StartHome();
        sc.Answer(remote);
        sc.Fail(local, 480);

        Assert.Equal(m1, sc.Effect<RejectInvite>().LegId);
        Assert.Equal(SessionPhase.Established, sc.State.Phase);
        Assert.True(sc.Leg(m2).IsConnected);
        Assert.True(sc.Leg(remote).IsConnected);
    }

    [Fact]
    public void Mobile_cancelling_both_calls_before_answers_ends_the_session()
    {
        var sc = new SessionScenario();
        var (m1, local, m2, remote) = sc.StartHome();
        sc.Ring(remote);

        sc.Run(new CancelReceived(sc.Id, m1));
        Assert.Equal(487, sc.Effect<RejectInvite>().Status);
        Assert.Equal(local, sc.Effect<SendCancel>().LegId);
        Assert.NotEqual(SessionPhase.Ending, sc.State.Phase);

        sc.Run(new CancelReceived(sc.Id, m2));
        Assert.Equal(remote, sc.Effect<SendCancel>().LegId);
        Assert.Equal(SessionPhase.Ending, sc.State.Phase);
        Assert.Equal(SessionEndReason.MobileCancelled, sc.State.EndReason);
        Assert.Equal(487, sc.State.EndStatus);
    }

    [Fact]
    public void Mobile_hanging_up_one_call_before_the_conference_ends_only_that_call()
    {
        var sc = new SessionScenario();
        var (m1, local, m2, remote) = sc.StartHome();
        sc.Answer(local);
        sc.Ring(remote);

        sc.Bye(m1);
        Assert.Equal(local, sc.Effect<SendBye>().LegId);
        Assert.Empty(sc.Effects<SendCancel>());
        Assert.Equal(SessionPhase.Ringing, sc.State.Phase);

        sc.Answer(remote);
        Assert.Equal(m2, sc.Effect<AnswerInvite>().LegId);
        Assert.Equal(SessionPhase.Established, sc.State.Phase);
        Assert.Equal(2, sc.Effect<MixMedia>().EndpointIds.Count);
    }

    [Fact]
    public void Mobile_hanging_up_its_answered_call_while_the_other_rings_cancels_nothing_else()
    {
        var sc = new SessionScenario();
        var (m1, local, _, remote) = sc.StartHome();
        sc.Answer(local);
        sc.Bye(m1);
        Assert.True(sc.Leg(remote).IsLive);
        Assert.Equal(LegPhase.Inviting, sc.Leg(remote).Phase);
    }

    [Theory]
    [InlineData(LegRole.LocalTerminal)]
    [InlineData(LegRole.Remote)]
    public void Local_or_remote_hanging_up_in_three_party_ends_the_mobile_call_to_it_and_keeps_the_other(LegRole leaving)
    {
        var sc = new SessionScenario();
        var (m1, local, m2, remote) = sc.StartThreeParty();
        var (gone, mobileLeg, staying, mobileStaying) = leaving == LegRole.LocalTerminal ? (local, m1, remote, m2) : (remote, m2, local, m1);

        sc.Bye(gone);

        Assert.Equal(mobileLeg, sc.Effect<SendBye>().LegId);
        Assert.Equal(SessionPhase.Established, sc.State.Phase);
        Assert.Equal(new[] { sc.Leg(mobileStaying).EndpointId!, sc.Leg(staying).EndpointId! }, sc.Effect<MixMedia>().EndpointIds);
        Assert.Equal(2, sc.Effects<ReleaseMedia>().Count);
    }

    [Fact]
    public void Session_timer_expiry_on_the_local_terminal_reaps_it_and_the_mobile_call_to_it()
    {
        var sc = new SessionScenario();
        var (m1, local, _, _) = sc.StartThreeParty();
        sc.Run(new SessionTimerExpired(sc.Id, local));

        Assert.Equal([local, m1], sc.Effects<SendBye>().Select(b => b.LegId));
        Assert.Equal(LegEndCause.SessionTimerExpired, sc.Leg(local).EndCause);
        Assert.Equal(SessionPhase.Established, sc.State.Phase);
    }

    [Fact]
    public void Session_timer_expiry_of_the_last_call_ends_with_that_reason()
    {
        var sc = new SessionScenario();
        var (m1, local, _, _) = sc.StartHome(both: false);
        sc.Answer(local);
        sc.Run(new SessionTimerExpired(sc.Id, m1));
        Assert.Equal(SessionEndReason.SessionTimerExpired, sc.State.EndReason);
        Assert.Equal([m1, local], sc.Effects<SendBye>().Select(b => b.LegId));
    }

    [Fact]
    public void A_second_home_session_of_the_same_mobile_is_busy()
    {
        var sc = new SessionScenario();
        sc.StartHome();
        var d = sc.Invite("m3", SessionKind.Home, SessionScenario.Mobile, SessionScenario.Tv, LegRole.LocalTerminal);
        Assert.Equal(486, Assert.IsType<Rejected>(d.Reply).Status);
        Assert.Empty(d.Events);
        var d2 = sc.Invite("m4", SessionKind.Home, SessionScenario.Mobile, SessionScenario.Carol, LegRole.Remote);
        Assert.Equal(486, Assert.IsType<Rejected>(d2.Reply).Status);
    }

    [Fact]
    public void Another_caller_cannot_join_a_home_session()
    {
        var sc = new SessionScenario();
        sc.StartHome(both: false);
        var d = sc.Invite("c1", SessionKind.Home, SessionScenario.Carol, SessionScenario.RemoteParty, LegRole.Remote);
        Assert.Equal(403, Assert.IsType<Rejected>(d.Reply).Status);
        Assert.Equal(2, sc.State.Legs.Count);
    }

    [Fact]
    public void After_the_mobile_left_it_cannot_join_again()
    {
        var sc = new SessionScenario();
        var (m1, _, _, _) = sc.StartThreeParty();
        sc.Bye(m1);
        var d = sc.Invite("m5", SessionKind.Home, SessionScenario.Mobile, SessionScenario.Tv, LegRole.LocalTerminal);
        Assert.Equal(486, Assert.IsType<Rejected>(d.Reply).Status);
    }
}
