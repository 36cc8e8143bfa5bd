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
        region.Reply(State(("1", ["s-a", "s-b"]), ("7", ["s-c"])));
        var told = new[] { region.ExpectMsg<MediaNodeLost>(), region.ExpectMsg<MediaNodeLost>(), region.ExpectMsg<MediaNodeLost>() };
        Assert.Equal(["s-a", "s-b", "s-c"], told.Select(m => m.SessionId.Value).Order(StringComparer.Ordinal));
        Assert.All(told, m => Assert.Equal(Node, m.MediaNode));
        region.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Sessions_that_recover_on_this_node_later_are_told_by_the_next_sweep_and_a_region_that_did_not_answer_is_asked_again()
    {
        var region = CreateTestProbe();
        var watch = Sys.ActorOf(MediaNodeWatch.Props(region.Ref, subscribe: false));

        watch.Tell(new MediaNodeWatch.Unreachable(Node));
        region.ExpectMsg<GetShardRegionState>();
        region.ExpectMsg<GetShardRegionState>(TimeSpan.FromSeconds(10));
        region.Reply(State(("3", ["s-z"])));
        Assert.Equal("s-z", region.ExpectMsg<MediaNodeLost>().SessionId.Value);

        region.ExpectMsg<GetShardRegionState>(TimeSpan.FromSeconds(10));
        region.Reply(State(("3", ["s-z"]), ("4", ["s-recovered"])));
        var told = new[] { region.ExpectMsg<MediaNodeLost>(), region.ExpectMsg<MediaNodeLost>() };
        Assert.Contains(told, m => m.SessionId.Value == "s-recovered" && m.MediaNode == Node);
    }

    [Fact]
    public void A_media_node_up_again_at_that_address_is_no_longer_reported()
    {
        var region = CreateTestProbe();
        var watch = Sys.ActorOf(MediaNodeWatch.Props(region.Ref, subscribe: false));

        watch.Tell(new MediaNodeWatch.Unreachable(Node));
        region.ExpectMsg<GetShardRegionState>();
        region.Reply(State(("1", ["s-a"])));
        region.ExpectMsg<MediaNodeLost>();
        watch.Tell(new MediaNodeWatch.Returned(Node));

        region.ExpectNoMsg(MediaNodeWatch.SweepInterval * 2);
    }

    private static CurrentShardRegionState State(params (string Shard, string[] Entities)[] shards) =>
        new(shards.Select(s => new ShardState(s.Shard, s.Entities.ToImmutableHashSet())).ToImmutableHashSet(), ImmutableHashSet<string>.Empty);
}
