using System.Collections.Immutable;
using Akka.Actor;
using Akka.Cluster.Sharding;
using CallCluster.Actors.Hosting;
using static CallCluster.Actors.Sessions.SessionCommands;

namespace CallCluster.Actors.Tests.Hosting;

public sealed class MediaNodeWatchTests : Akka.TestKit.Xunit2.TestKit
{
    private const string Node = "akka.tcp://callcluster@127.0.0.1:4055";

    [Fact]
    public void An_unreachable_media_node_is_reported_to_every_session_entity_on_this_node()
    {
        var region = CreateTestProbe();
        var watch = Sys.ActorOf(MediaNodeWatch.Props(region.Ref, subscribe: false));

        watch.Tell(new MediaNodeWatch.Unreachable(Node));

        region.ExpectMsg<GetShardRegionState>();
        region.Reply(new CurrentShardRegionState(ImmutableHashSet.Create(
            new ShardState("1", ImmutableHashSet.Create("s-a", "s-b")),
            new ShardState("7", ImmutableHashSet.Create("s-c"))), ImmutableHashSet<string>.Empty));
        var told = new[] { region.ExpectMsg<MediaNodeLost>(), region.ExpectMsg<MediaNodeLost>(), region.ExpectMsg<MediaNodeLost>() };
        Assert.Equal(["s-a", "s-b", "s-c"], told.Select(m => m.SessionId.Value).Order(StringComparer.Ordinal));
        Assert.All(told, m => Assert.Equal(Node, m.MediaNode));
        region.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void A_region_that_does_not_answer_is_asked_again_and_then_the_sessions_are_told()
    {
        var region = CreateTestProbe();
        var watch = Sys.ActorOf(MediaNodeWatch.Props(region.Ref, subscribe: false));

        watch.Tell(new MediaNodeWatch.Unreachable(Node));
        region.ExpectMsg<GetShardRegionState>();
        region.ExpectMsg<GetShardRegionState>(TimeSpan.FromSeconds(10));
        region.Reply(new CurrentShardRegionState(ImmutableHashSet.Create(new ShardState("3", ImmutableHashSet.Create("s-z"))), ImmutableHashSet<string>.Empty));

        Assert.Equal("s-z", region.ExpectMsg<MediaNodeLost>().SessionId.Value);
    }
}
