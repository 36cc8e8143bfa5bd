using CallCluster.Actors.Sessions;
using static CallCluster.Actors.Sessions.SessionCommands;
using static CallCluster.Actors.Sessions.SessionEffects;
using static CallCluster.Actors.Sessions.SessionReplies;

namespace CallCluster.Actors.Tests.Sessions;

public sealed class ClickToCallDecideTests
{
    private static (SessionScenario Sc, LegState Mobile, LegState Local, LegState Remote) Start()
    {
        var sc = new SessionScenario("c2c");
        sc.Run(new StartClickToCall(sc.Id, SessionScenario.Mobile, SessionScenario.Tv, SessionScenario.RemoteParty));
        return (sc, sc.LegOf(LegRole.Mobile), sc.LegOf(LegRole.LocalTerminal), sc.LegOf(LegRole.Remote));
    }

    [Fact]
    public void Start_creates_three_outbound_legs_and_calls_only_the_mobile_first()
    {
        var (sc, mobile, _, _) = Start();
        Assert.Equal(SessionKind.ClickToCall, sc.State.Kind);
        Assert.All(sc.State.Legs, l => Assert.Equal(LegDirection.Outbound, l.Direction));
        Assert.Equal(3, sc.Effects<AllocateMedia>().Count);

        sc.MediaReadyForAll();
        var invite = Assert.Single(sc.Events.OfType<SessionEvents.LegInvited>());
        Assert.Equal(mobile.Id, invite.LegId);
        Assert.Equal(SessionPhase.Setup, sc.State.Phase);
    }

    [Fact]
    public void Mobile_invite_shows_the_remote_and_carries_no_auto_answer()
    {
        var (sc, mobile, _, _) = Start();
        sc.Run(new MediaEndpointReady(sc.Id, mobile.Id, "media-1", "ep-m", "sdp-m"));
        var invite = sc.Effect<SendInvite>();
        Assert.Equal(SessionScenario.RemoteParty, invite.From);
        Assert.Equal(SessionScenario.Mobile, invite.To);
        Assert.Empty(invite.Headers);
    }

    [Fact]
    public void Mobile_answering_calls_the_local_terminal_with_auto_answer_then_the_remote()
    {
        var (sc, mobile, local, remote) = Start();
        sc.MediaReadyForAll();
        sc.Answer(mobile.Id);

        var invites = sc.Effects<SendInvite>();
        Assert.Equal([local.Id, remote.Id], invites.Select(i => i.LegId));
        Assert.Contains(invites[0].Headers, h => h is { Name: "Answer-Mode", Value: "Auto" });
        Assert.DoesNotContain(invites[1].Headers, h => h.Name == "Answer-Mode");
        Assert.Equal(SessionPhase.Ringing, sc.State.Phase);
    }

    [Fact]
    public void All_three_answering_is_three_party_and_the_mobile_leaving_bridges_the_others()
    {
        var (sc, mobile, local, remote) = Start();
        sc.MediaReadyForAll();
        sc.Answer(mobile.Id);
        sc.Answer(local.Id);
        Assert.Equal(SessionPhase.Established, sc.State.Phase);
        sc.Answer(remote.Id);
        Assert.Equal(SessionPhase.ThreeParty, sc.State.Phase);
        Assert.Equal(3, sc.Effect<MixMedia>().EndpointIds.Count);

        sc.Bye(mobile.Id);
        Assert.Equal(SessionPhase.Bridged, sc.State.Phase);
        Assert.Single(sc.Effects<TransferMediaToBridge>());
        Assert.Empty(sc.Effects<SendBye>());

        sc.Bye(remote.Id);
        Assert.Equal(local.Id, sc.Effect<SendBye>().LegId);
        Assert.Equal(SessionPhase.Ending, sc.State.Phase);
    }

    [Theory]
    [InlineData(486, SessionEndReason.MobileUnavailable)]
    [InlineData(408, SessionEndReason.MobileUnavailable)]
    public void Mobile_not_answering_ends_the_session_before_anyone_else_is_called(int status, SessionEndReason reason)
    {
        var (sc, mobile, _, _) = Start();
        sc.MediaReadyForAll();
        sc.Fail(mobile.Id, status);

        Assert.Empty(sc.Effects<SendInvite>());
        Assert.Empty(sc.Effects<SendCancel>());
        Assert.Equal(SessionPhase.Ending, sc.State.Phase);
        Assert.Equal(reason, sc.State.EndReason);
        Assert.All(sc.State.Legs.Skip(1), l => Assert.Equal(LegEndCause.Abandoned, l.EndCause));
    }

    [Fact]
    public void Mobile_hanging_up_before_the_others_answer_cancels_them()
    {
        var (sc, mobile, local, remote) = Start();
        sc.MediaReadyForAll();
        sc.Answer(mobile.Id);
        sc.Bye(mobile.Id);
        Assert.Equal([local.Id, remote.Id], sc.Effects<SendCancel>().Select(c => c.LegId));
        Assert.Equal(SessionPhase.Ending, sc.State.Phase);
    }

    [Fact]
    public void Remote_busy_keeps_mobile_and_local_terminal_and_both_failing_ends()
    {
        var (sc, mobile, local, remote) = Start();
        sc.MediaReadyForAll();
        sc.Answer(mobile.Id);
        sc.Fail(remote.Id, 486);
        Assert.True(sc.Leg(mobile.Id).IsLive);
        sc.Fail(local.Id, 480);
        Assert.Equal(mobile.Id, sc.Effect<SendBye>().LegId);
        Assert.Equal(SessionEndReason.LocalTerminalUnavailable, sc.State.EndReason);
    }

    [Fact]
    public void Starting_twice_is_idempotent_and_a_different_start_conflicts()
    {
        var (sc, _, _, _) = Start();
        Assert.Empty(sc.Run(new StartClickToCall(sc.Id, SessionScenario.Mobile, SessionScenario.Tv, SessionScenario.RemoteParty)).Events);
        Assert.IsType<Accepted>(sc.Last.Reply);
        var other = sc.Run(new StartClickToCall(sc.Id, SessionScenario.Carol, SessionScenario.Tv, SessionScenario.RemoteParty));
        Assert.Equal(409, Assert.IsType<Rejected>(other.Reply).Status);
    }
}
