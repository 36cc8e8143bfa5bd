using CallCluster.Actors.Sessions;
using static CallCluster.Actors.Sessions.SessionCommands;
using static CallCluster.Actors.Sessions.SessionEffects;
using static CallCluster.Actors.Sessions.SessionEvents;

namespace CallCluster.Actors.Tests.Sessions;

public sealed class MediaDecideTests
{
    [Fact]
    public void Endpoint_ready_configures_it_with_the_terminal_sdp_already_known()
    {
        var sc = new SessionScenario();
        sc.Invite("a", SessionKind.Plain, SessionScenario.Mobile, SessionScenario.RemoteParty, LegRole.Callee);
        sc.Run(new MediaEndpointReady(sc.Id, new LegId("a"), "media-1", "ep-a", "local-a"));
        var configure = sc.Effect<ConfigureMedia>();
        Assert.Equal(("ep-a", "offer-a"), (configure.EndpointId, configure.RemoteSdp));
        Assert.Equal("media-1", sc.Leg(new LegId("a")).MediaNode);
    }

    [Fact]
    public void An_endpoint_from_another_node_than_the_session_s_other_legs_is_released_and_allocated_again_beside_them()
    {
        var sc = new SessionScenario();
        sc.Invite("a", SessionKind.Plain, SessionScenario.Mobile, SessionScenario.RemoteParty, LegRole.Callee);
        var callee = sc.PartnerOf(new LegId("a"));
        sc.Run(new MediaEndpointReady(sc.Id, new LegId("a"), "media-1", "ep-a", "local-a"));

        var stray = sc.Run(new MediaEndpointReady(sc.Id, callee, "media-2", "ep-b", "local-b"));
        Assert.Empty(stray.Events);
        Assert.Equal("ep-b", sc.Effect<ReleaseMedia>().EndpointId);
        var again = sc.Effect<AllocateMedia>();
        Assert.Equal((callee, "media-2"), (again.LegId, again.AvoidNode));
        Assert.Empty(sc.Effects<SendInvite>());
        Assert.Null(sc.Leg(callee).EndpointId);

        sc.Run(new MediaEndpointReady(sc.Id, callee, "media-1", "ep-b2", "local-b2"));
        Assert.Equal("media-1", sc.Leg(callee).MediaNode);
        Assert.Contains("local-b2", sc.Effect<SendInvite>().Sdp);
    }

    [Fact]
    public void Media_node_lost_reanchors_each_leg_and_reinvites_it_then_rejoins_the_mix()
    {
        var sc = new SessionScenario();
        var (caller, callee) = sc.StartPlain();
        sc.Answer(callee);
        var cseq = sc.Leg(caller).Dialog!.LocalCSeq;

        sc.Run(new MediaNodeLost(sc.Id, "media-1"));
        Assert.Equal(2, sc.Last.Events.OfType<MediaDetached>().Count());
        Assert.All(sc.Effects<AllocateMedia>(), a => Assert.Equal("media-1", a.AvoidNode));
        Assert.Null(sc.State.Topology);

        sc.Run(new MediaEndpointReady(sc.Id, caller, "media-2", "ep-a2", "new-a"));
        var reinvite = sc.Effect<SendReInvite>();
        Assert.Equal("new-a", reinvite.Sdp);
        Assert.Equal(cseq + 1, reinvite.Dialog.LocalCSeq);
        Assert.Empty(sc.Effects<TransferMediaToBridge>());

        sc.Run(new MediaEndpointReady(sc.Id, callee, "media-2", "ep-b2", "new-b"));
        var bridge = sc.Effect<TransferMediaToBridge>();
        Assert.Equal(("ep-a2", "ep-b2"), (bridge.EndpointIdA, bridge.EndpointIdB));
        Assert.Equal(SessionPhase.Established, sc.State.Phase);

        var bye = sc.Bye(callee);
        Assert.Equal(cseq + 2, sc.Effect<SendBye>().Dialog.LocalCSeq);
        Assert.NotEmpty(bye.Events);
    }

    [Fact]
    public void Resume_media_allocates_again_every_live_leg_left_without_an_endpoint()
    {
        var sc = new SessionScenario();
        var (caller, callee) = sc.StartPlain();
        sc.Answer(callee);
        sc.Run(new MediaNodeLost(sc.Id, "media-1"));

        // Recovered elsewhere with both allocations lost: both legs are allocated again.
        var resumed = sc.Run(new ResumeMedia(sc.Id));
        Assert.Empty(resumed.Events);
        Assert.Equal(new[] { caller.Value, callee.Value }.Order(), AllocatedLegs(sc));
        Assert.All(sc.Effects<AllocateMedia>(), a => Assert.Null(a.AvoidNode));

        // Recovered again with only the caller anchored: the callee is allocated, the caller's node asked for its endpoint.
        sc.Run(new MediaEndpointReady(sc.Id, caller, "media-2", "ep-a2", "new-a"));
        sc.Run(new ResumeMedia(sc.Id));
        Assert.Equal(new[] { caller.Value, callee.Value }.Order(), AllocatedLegs(sc));
    }

    [Fact]
    public void Resume_media_asks_each_anchored_leg_s_node_for_its_endpoint_and_an_unchanged_answer_changes_nothing()
    {
        var anchored = new SessionScenario();
        var (caller, callee) = anchored.StartPlain();
        anchored.Answer(callee);
        var endpoints = new[] { caller, callee }.ToDictionary(l => l, l => anchored.Leg(l).EndpointId!);

        var d = anchored.Run(new ResumeMedia(anchored.Id));
        Assert.Empty(d.Events);
        Assert.Equal(new[] { caller.Value, callee.Value }.Order(), AllocatedLegs(anchored));
        Assert.All(anchored.Effects<AllocateMedia>(), a => Assert.Null(a.AvoidNode));

        foreach (var (leg, endpoint) in endpoints)
        {
            var same = anchored.Run(new MediaEndpointReady(anchored.Id, leg, anchored.Leg(leg).MediaNode!, endpoint, "unchanged"));
            Assert.Empty(same.Events);
            Assert.Empty(same.Effects);
        }
    }

    [Fact]
    public void A_new_endpoint_from_the_node_holding_the_leg_s_endpoint_re_anchors_every_leg_there()
    {
        var sc = new SessionScenario();
        var (caller, callee) = sc.StartPlain();
        sc.Answer(callee);
        var node = sc.Leg(caller).MediaNode!;
        Assert.Equal(node, sc.Leg(callee).MediaNode);
        sc.Run(new ResumeMedia(sc.Id));

        // The node restarted at the same address: it answers the caller's allocation with a new endpoint.
        sc.Run(new MediaEndpointReady(sc.Id, caller, node, "ep-a-new", "new-a"));
        Assert.Equal(callee, Assert.Single(sc.Last.Events.OfType<MediaDetached>()).LegId);
        Assert.Equal(callee, sc.Effect<AllocateMedia>().LegId);
        Assert.Empty(sc.Effects<ReleaseMedia>());
        Assert.Equal("new-a", sc.Effect<SendReInvite>().Sdp);
        Assert.Null(sc.Leg(callee).EndpointId);
        Assert.Null(sc.State.Topology);
        Assert.Empty(sc.Effects<TransferMediaToBridge>());

        sc.Run(new MediaEndpointReady(sc.Id, callee, node, "ep-b-new", "new-b"));
        Assert.Equal("new-b", sc.Effect<SendReInvite>().Sdp);
        var bridge = sc.Effect<TransferMediaToBridge>();
        Assert.Equal(("ep-a-new", "ep-b-new"), (bridge.EndpointIdA, bridge.EndpointIdB));
    }

    [Fact]
    public void Resume_media_leaves_bypassed_sessions_alone()
    {
        var bypassed = new SessionScenario();
        var (_, bypassedCallee) = bypassed.StartPlain(anchor: false);
        bypassed.Answer(bypassedCallee);
        var none = bypassed.Run(new ResumeMedia(bypassed.Id));
        Assert.Empty(none.Effects);
    }

    [Fact]
    public void Retry_media_allocates_again_only_established_legs_still_waiting_for_their_new_endpoint()
    {
        var sc = new SessionScenario();
        var (caller, callee) = sc.StartPlain();
        sc.Answer(callee);
        Assert.False(sc.State.AwaitsReanchoring);
        var idle = sc.Run(new RetryMedia(sc.Id));
        Assert.Empty(idle.Effects);

        sc.Run(new MediaNodeLost(sc.Id, "media-1"));
        Assert.True(sc.State.AwaitsReanchoring);
        sc.Run(new MediaEndpointReady(sc.Id, caller, "media-2", "ep-a2", "new-a"));

        // The callee's allocation went unanswered: only its leg is asked for again, on any node.
        var retried = sc.Run(new RetryMedia(sc.Id));
        Assert.Empty(retried.Events);
        var again = Assert.Single(sc.Effects<AllocateMedia>());
        Assert.Equal((callee, (string?)null), (again.LegId, again.AvoidNode));

        sc.Run(new MediaEndpointReady(sc.Id, callee, "media-2", "ep-b2", "new-b"));
        Assert.False(sc.State.AwaitsReanchoring);
    }

    [Fact]
    public void Retry_media_leaves_a_leg_being_set_up_alone()
    {
        var sc = new SessionScenario();
        sc.Invite("a", SessionKind.Plain, SessionScenario.Mobile, SessionScenario.RemoteParty, LegRole.Callee);
        Assert.False(sc.State.AwaitsReanchoring);
        Assert.Empty(sc.Run(new RetryMedia(sc.Id)).Effects);
    }

    [Fact]
    public void Media_node_lost_for_another_node_changes_nothing()
    {
        var sc = new SessionScenario();
        var (_, callee) = sc.StartPlain();
        sc.Answer(callee);
        var d = sc.Run(new MediaNodeLost(sc.Id, "media-9"));
        Assert.Empty(d.Events);
        Assert.Empty(d.Effects);
    }

    [Fact]
    public void Allocation_failure_refuses_the_call_with_503()
    {
        var sc = new SessionScenario();
        sc.Invite("a", SessionKind.Plain, SessionScenario.Mobile, SessionScenario.RemoteParty, LegRole.Callee);
        sc.Run(new MediaAllocationFailed(sc.Id, new LegId("a"), "ports exhausted"));
        Assert.Equal(503, sc.Effect<RejectInvite>().Status);
        Assert.Equal(SessionEndReason.MediaUnavailable, sc.State.EndReason);
        Assert.Equal(SessionPhase.Ending, sc.State.Phase);
    }

    [Fact]
    public void Dead_endpoint_means_the_terminal_vanished_bye_both_sides()
    {
        var sc = new SessionScenario();
        var (caller, callee) = sc.StartPlain();
        sc.Answer(callee);
        sc.Run(new MediaEndpointDead(sc.Id, sc.Leg(callee).EndpointId!));
        Assert.Equal([callee, caller], sc.Effects<SendBye>().Select(b => b.LegId));
        Assert.Equal(SessionEndReason.MediaSilence, sc.State.EndReason);
    }

    [Fact]
    public void Endpoint_for_an_ended_leg_is_released()
    {
        var sc = new SessionScenario();
        sc.Invite("a", SessionKind.Plain, SessionScenario.Mobile, SessionScenario.RemoteParty, LegRole.Callee);
        sc.Run(new CancelReceived(sc.Id, new LegId("a")));
        var d = sc.Run(new MediaEndpointReady(sc.Id, new LegId("a"), "media-1", "ep-late", "x"));
        Assert.Empty(d.Events);
        Assert.Equal("ep-late", sc.Effect<ReleaseMedia>().EndpointId);
    }

    private static IEnumerable<string> AllocatedLegs(SessionScenario sc) => sc.Effects<AllocateMedia>().Select(a => a.LegId.Value).Order();
}
