using CallCluster.Actors.Sessions;
using CallCluster.Actors.Sessions.Media;
using static CallCluster.Actors.Sessions.SessionCommands;
using static CallCluster.Actors.Sessions.SessionEffects;

namespace CallCluster.Actors.Tests.Sessions;

public sealed class MediaPlacementTests
{
    private const string NodeA = "akka.tcp://callcluster@127.0.0.1:4053";
    private const string NodeB = "akka.tcp://callcluster@127.0.0.1:4054";

    /// <summary>Plain call a to b with both endpoints on <see cref="NodeA"/>; returns the scenario and the placement the actor would hold.</summary>
    private static (SessionScenario Scenario, MediaPlacement Placement) PlainOnNodeA()
    {
        var sc = new SessionScenario();
        sc.Invite("a", SessionKind.Plain, SessionScenario.Mobile, SessionScenario.RemoteParty, LegRole.Callee);
        var placement = MediaPlacement.Empty;
        foreach (var leg in sc.State.LiveLegs.ToList())
        {
            var ready = new MediaEndpointReady(sc.Id, leg.Id, NodeA, "ep-" + leg.Id.Value, "local-" + leg.Id.Value);
            placement = placement.Anchored(ready.EndpointId, ready.MediaNode);
            sc.Run(ready);
        }

        return (sc, placement);
    }

    [Fact]
    public void A_session_s_first_allocation_is_left_to_the_router()
    {
        var sc = new SessionScenario();
        sc.Invite("a", SessionKind.Plain, SessionScenario.Mobile, SessionScenario.RemoteParty, LegRole.Callee);
        var allocations = sc.Effects<AllocateMedia>();
        Assert.Equal(2, allocations.Count);
        Assert.All(allocations, a => Assert.Equal(MediaTarget.Router, MediaPlacement.Empty.TargetOf(a, sc.State)));
    }

    [Fact]
    public void Commands_naming_an_endpoint_go_to_the_node_that_allocated_it()
    {
        var (sc, placement) = PlainOnNodeA();
        var callee = sc.PartnerOf(new LegId("a"));
        sc.Answer(callee);

        var effects = sc.Last.Effects.OfType<IMediaEffect>().ToList();
        Assert.Contains(effects, e => e is ConfigureMedia);
        Assert.Contains(effects, e => e is TransferMediaToBridge);
        Assert.All(effects, e => Assert.Equal(new[] { NodeA }, placement.TargetOf(e, sc.State).Nodes));
        Assert.All(effects, e => Assert.False(placement.TargetOf(e, sc.State).ViaRouter));
    }

    [Fact]
    public void A_later_leg_is_allocated_on_the_node_already_holding_the_session()
    {
        var sc = new SessionScenario();
        sc.Invite("m1", SessionKind.Home, SessionScenario.Mobile, SessionScenario.Tv, LegRole.LocalTerminal);
        var placement = MediaPlacement.Empty;
        foreach (var leg in sc.State.LiveLegs.ToList())
        {
            placement = placement.Anchored("ep-" + leg.Id.Value, NodeB);
            sc.Run(new MediaEndpointReady(sc.Id, leg.Id, NodeB, "ep-" + leg.Id.Value, "local"));
        }

        sc.Invite("m2", SessionKind.Home, SessionScenario.Mobile, SessionScenario.RemoteParty, LegRole.Remote);
        var allocations = sc.Effects<AllocateMedia>();
        Assert.Equal(2, allocations.Count);
        Assert.All(allocations, a => Assert.Equal(new[] { NodeB }, placement.TargetOf(a, sc.State).Nodes));
    }

    [Fact]
    public void A_released_endpoint_is_still_found_through_the_leg_and_the_placement_forgets_it()
    {
        var (sc, placement) = PlainOnNodeA();
        var release = new ReleaseMedia(sc.Id, "ep-a");
        Assert.Equal(new[] { NodeA }, placement.TargetOf(release, sc.State).Nodes);

        var forgotten = placement.Released("ep-a");
        Assert.False(forgotten.NodeByEndpoint.ContainsKey("ep-a"));
        Assert.True(forgotten.NodeByEndpoint.ContainsKey("ep-" + sc.PartnerOf(new LegId("a")).Value));
        Assert.Equal(MediaTarget.Router, forgotten.TargetOf(new ReleaseMedia(sc.Id, "ep-unknown"), sc.State));
    }

    [Fact]
    public void After_the_node_is_lost_re_allocation_avoids_it_and_goes_to_the_router()
    {
        var (sc, placement) = PlainOnNodeA();
        sc.Answer(sc.PartnerOf(new LegId("a")));
        sc.Run(new MediaNodeLost(sc.Id, NodeA));
        var lost = placement.Lost(NodeA);

        Assert.Empty(lost.NodeByEndpoint);
        var allocations = sc.Effects<AllocateMedia>();
        Assert.Equal(2, allocations.Count);
        Assert.All(allocations, a => Assert.Equal(MediaTarget.Router, lost.TargetOf(a, sc.State)));
    }

    [Fact]
    public void Releasing_the_session_reaches_every_node_it_used_and_the_router()
    {
        var (sc, placement) = PlainOnNodeA();
        placement = placement.Anchored("ep-stray", NodeB);
        var target = placement.TargetOf(new ReleaseSessionMedia(sc.Id), sc.State);
        Assert.Equal(new[] { NodeA, NodeB }, target.Nodes);
        Assert.True(target.ViaRouter);
    }

    [Fact]
    public void A_recovered_session_rebuilds_the_placement_from_its_legs()
    {
        var (sc, placement) = PlainOnNodeA();
        var rebuilt = MediaPlacement.Of(SessionState.Replay(sc.Id, sc.Events));
        Assert.Equal(placement.NodeByEndpoint.OrderBy(kv => kv.Key), rebuilt.NodeByEndpoint.OrderBy(kv => kv.Key));
    }
}
