using CallCluster.Actors.Sessions;
using static CallCluster.Actors.Sessions.SessionCommands;
using static CallCluster.Actors.Sessions.SessionEffects;
using static CallCluster.Actors.Sessions.SessionEvents;
using static CallCluster.Actors.Sessions.SessionReplies;

namespace CallCluster.Actors.Tests.Sessions;

internal sealed class LegOrder : IComparer<LegId>
{
    public static LegOrder Instance { get; } = new();

    public int Compare(LegId? x, LegId? y) => string.CompareOrdinal(x?.Value, y?.Value);
}

public sealed class HomeSessionDecideTests
{
    [Fact]
    public void Invite_to_the_bound_local_terminal_carries_auto_answer_and_asserted_identity()
    {
        var sc = new SessionScenario();
        sc.Invite("m1", SessionKind.Home, SessionScenario.Mobile, SessionScenario.Tv, LegRole.LocalTerminal);
        var local = sc.PartnerOf(new LegId("m1"));
        sc.Run(new MediaEndpointReady(sc.Id, local, "media-1", "ep-l", "sdp-l"));

        var invite = sc.Effect<SendInvite>();
        Assert.Equal(SessionScenario.Tv, invite.To);
        var headers = invite.Headers.ToDictionary(h => h.Name, h => h.Value);
        Assert.Equal("<sip:alice@home.test>", headers["P-Asserted-Identity"]);
        Assert.Equal("Auto", headers["Answer-Mode"]);
        Assert.Equal("<sip:alice@home.test>;answer-after=0", headers["Call-Info"]);
        Assert.Contains("info=alert-autoanswer", headers["Alert-Info"]);
    }

    [Fact]
    public void Second_mobile_invite_joins_the_home_session_as_a_second_pair()
    {
        var sc = new SessionScenario();
        var (m1, local, m2, remote) = sc.StartHome();

        Assert.Equal(SessionKind.Home, sc.State.Kind);
        Assert.Equal([LegRole.Mobile, LegRole.LocalTerminal, LegRole.Mobile, LegRole.Remote], sc.State.Legs.Select(l => l.Role));
        Assert.Equal(m1, sc.PartnerOf(local));
        Assert.Equal(m2, sc.PartnerOf(remote));
        Assert.Equal(new[] { local, remote }, sc.Events.OfType<LegInvited>().Select(e => e.LegId).Order(LegOrder.Instance));
    }

    [Fact]
    public void Remote_invite_headers_assert_the_mobile_only()
    {
        var sc = new SessionScenario();
        sc.Invite("m2", SessionKind.Home, SessionScenario.Mobile, SessionScenario.RemoteParty, LegRole.Remote);
        var remote = sc.PartnerOf(new LegId("m2"));
        sc.Run(new MediaEndpointReady(sc.Id, remote, "media-1", "ep-r", "sdp-r"));
        var header = Assert.Single(sc.Effect<SendInvite>().Headers);
        Assert.Equal("P-Asserted-Identity", header.Name);
    }

    [Fact]
    public void A_terminal_not_given_the_local_terminal_role_never_gets_auto_answer()
    {
        var sc = new SessionScenario();
        sc.Invite("m2", SessionKind.Home, SessionScenario.Carol, SessionScenario.Tv, LegRole.Remote);
        sc.MediaReadyForAll();
        var invite = sc.Effect<SendInvite>();
        Assert.Equal(SessionScenario.Tv, invite.To);
        Assert.DoesNotContain(invite.Headers, h => h.Name is "Answer-Mode" or "Call-Info" or "Alert-Info");
    }

    [Fact]
    public void The_mobile_two_legs_are_one_media_participant()
    {
        var sc = new SessionScenario();
        sc.Invite("m1", SessionKind.Home, SessionScenario.Mobile, SessionScenario.Tv, LegRole.LocalTerminal);
        var first = sc.Effects<AllocateMedia>();
        sc.Invite("m2", SessionKind.Home, SessionScenario.Mobile, SessionScenario.RemoteParty, LegRole.Remote);
        var second = sc.Effects<AllocateMedia>();
        Assert.Equal("mobile", first[0].ParticipantId);
        Assert.Equal("mobile", second[0].ParticipantId);
        Assert.NotEqual(first[1].ParticipantId, second[1].ParticipantId);
    }

    [Fact]
    public void Each_side_joining_answers_the_mobile_call_to_it_then_three_party_mixes_everyone()
    {
        var sc = new SessionScenario();
        var (m1, local, m2, remote) = sc.StartHome();

        sc.Answer(local);
        Assert.Equal(m1, sc.Effect<AnswerInvite>().LegId);
        Assert.Equal(SessionPhase.Established, sc.State.Phase);
        Assert.Equal(LegPhase.Inviting, sc.Leg(m2).Phase);

        sc.Answer(remote);
        Assert.Equal(m2, sc.Effect<AnswerInvite>().LegId);
        Assert.Equal(SessionPhase.ThreeParty, sc.State.Phase);
        var mix = sc.Effect<MixMedia>();
        Assert.Equal(4, mix.EndpointIds.Count);
        var epL = sc.Leg(local).EndpointId!;
        var epR = sc.Leg(remote).EndpointId!;
        Assert.Contains(mix.VideoRoutes, r => r.ReceiverEndpointId == epL && r.SourceEndpointId == epR);
        Assert.Contains(mix.VideoRoutes, r => r.ReceiverEndpointId == epR && r.SourceEndpointId == epL);
        Assert.Equal(MediaTopologyKind.Mix, sc.State.Topology!.Kind);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Mobile_leaving_the_three_party_call_ends_its_other_call_and_bridges_local_and_remote(bool byeOnFirst)
    {
        var sc = new SessionScenario();
        var (m1, local, m2, remote) = sc.StartThreeParty();
        var (gone, other) = byeOnFirst ? (m1, m2) : (m2, m1);

        sc.Bye(gone);

        Assert.Equal(other, sc.Effect<SendBye>().LegId);
        Assert.Equal(SessionPhase.Bridged, sc.State.Phase);
        var transfer = sc.Effect<TransferMediaToBridge>();
        Assert.Equal(new[] { sc.Leg(local).EndpointId!, sc.Leg(remote).EndpointId! }, new[] { transfer.EndpointIdA, transfer.EndpointIdB });
        Assert.Empty(sc.Effects<SendReInvite>());
        Assert.True(sc.Leg(local).IsConnected);
        Assert.True(sc.Leg(remote).IsConnected);
        Assert.Equal(MediaTopologyKind.Bridge, sc.State.Topology!.Kind);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void In_the_bridge_either_side_hanging_up_ends_the_session(bool localHangsUp)
    {
        var sc = new SessionScenario();
        var (m1, local, _, remote) = sc.StartThreeParty();
        sc.Bye(m1);
        var (gone, other) = localHangsUp ? (local, remote) : (remote, local);

        sc.Bye(gone);

        Assert.Equal(other, sc.Effect<SendBye>().LegId);
        Assert.Equal(SessionPhase.Ending, sc.State.Phase);
        Assert.Equal(SessionEndReason.NormalClearing, sc.State.EndReason);
        Assert.Single(sc.Effects<WriteSessionCdr>());
        Assert.NotNull(sc.State.AnsweredAt);
    }

    [Fact]
    public void The_call_can_move_to_the_tv_after_the_remote_call_is_established()
    {
        var sc = new SessionScenario();
        sc.Invite("m2", SessionKind.Home, SessionScenario.Mobile, SessionScenario.RemoteParty, LegRole.Remote);
        sc.MediaReadyForAll();
        sc.Answer(sc.PartnerOf(new LegId("m2")));
        Assert.Equal(SessionPhase.Established, sc.State.Phase);

        sc.Invite("m1", SessionKind.Home, SessionScenario.Mobile, SessionScenario.Tv, LegRole.LocalTerminal);
        sc.MediaReadyForAll();
        sc.Answer(sc.PartnerOf(new LegId("m1")));
        Assert.Equal(SessionPhase.ThreeParty, sc.State.Phase);
    }

    [Fact]
    public void Replaying_the_full_home_call_from_empty_gives_the_same_state()
    {
        var sc = new SessionScenario();
        var (m1, local, _, _) = sc.StartThreeParty();
        sc.Bye(m1);
        sc.Bye(local);
        sc.Run(new ConfirmCdr(sc.Id));

        var replayed = SessionState.Replay(sc.Id, sc.Events);
        Assert.Equal(sc.State, replayed);
        Assert.Equal(SessionPhase.Ended, replayed.Phase);
        Assert.All(replayed.Legs, l => Assert.Equal(LegPhase.Ended, l.Phase));
    }
}
