using System.Collections.Immutable;
using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.TestKit;
using CallCluster.Actors.Hosting;
using static CallCluster.Actors.Sessions.SessionCommands;

namespace CallCluster.Actors.Tests.Hosting;

public sealed class MediaNodeWatchTests : Akka.TestKit.Xunit2.TestKit
{
    private const string Node = "akka.tcp://callcluster@127.0.0.1:4055";

    [Fact]
    public void An_unreachable_media_node_is_reported_to_every_session_entity_on_this_node_once()
    {
        var region = new FakeRegion(this, ("1", ["s-a", "s-b"]), ("7", ["s-c"]));
        var watch = Sys.ActorOf(MediaNodeWatch.Props(region.Probe.Ref, subscribe: false));

        watch.Tell(new MediaNodeWatch.Unreachable(Node));

        var told = new[] { region.Told.ExpectMsg<MediaNodeLost>(), region.Told.ExpectMsg<MediaNodeLost>(), region.Told.ExpectMsg<MediaNodeLost>() };
        Assert.Equal(["s-a", "s-b", "s-c"], told.Select(m => m.SessionId.Value).Order(StringComparer.Ordinal));
        Assert.All(told, m => Assert.Equal(Node, m.MediaNode));
        region.Told.ExpectNoMsg(MediaNodeWatch.SweepInterval * 4);
        Assert.True(region.Asked >= 3, $"the region was asked {region.Asked} times in four sweep intervals");
    }

    [Fact]
    public void Sessions_that_recover_on_this_node_later_are_told_by_a_later_sweep_and_a_region_that_did_not_answer_is_asked_again()
    {
        var region = new FakeRegion(this, ("3", ["s-z"])) { Silent = true };
        var watch = Sys.ActorOf(MediaNodeWatch.Props(region.Probe.Ref, subscribe: false));

        watch.Tell(new MediaNodeWatch.Unreachable(Node));
        AwaitCondition(() => region.Asked >= 2, TimeSpan.FromSeconds(5));
        region.Silent = false;
        Assert.Equal("s-z", region.Told.ExpectMsg<MediaNodeLost>(TimeSpan.FromSeconds(5)).SessionId.Value);

        region.Set(("3", ["s-z"]), ("4", ["s-recovered"]));
        var told = region.Told.ExpectMsg<MediaNodeLost>(TimeSpan.FromSeconds(5));
        Assert.Equal(("s-recovered", Node), (told.SessionId.Value, told.MediaNode));
        region.Told.ExpectNoMsg(MediaNodeWatch.SweepInterval * 4);
    }

    [Fact]
    public void A_media_node_up_again_at_that_address_is_no_longer_reported()
    {
        var region = new FakeRegion(this, ("1", ["s-a"]));
        var watch = Sys.ActorOf(MediaNodeWatch.Props(region.Probe.Ref, subscribe: false));

        watch.Tell(new MediaNodeWatch.Unreachable(Node));
        region.Told.ExpectMsg<MediaNodeLost>();
        watch.Tell(new MediaNodeWatch.Returned(Node));
        region.Set(("1", ["s-a"]), ("2", ["s-new"]));

        region.Told.ExpectNoMsg(MediaNodeWatch.SweepInterval * 4);
    }

    [Fact]
    public void A_media_node_that_is_only_unreachable_is_reported_after_the_grace_and_not_if_it_comes_back_first()
    {
        var region = new FakeRegion(this, ("1", ["s-a"]));
        var watch = Sys.ActorOf(MediaNodeWatch.Props(region.Probe.Ref, subscribe: false));

        watch.Tell(new MediaNodeWatch.Unreachable(Node, Definite: false));
        region.Told.ExpectNoMsg(MediaNodeWatch.UnreachableGrace / 2);
        Assert.Equal("s-a", region.Told.ExpectMsg<MediaNodeLost>(MediaNodeWatch.UnreachableGrace * 4).SessionId.Value);

        const string Other = "akka.tcp://callcluster@127.0.0.1:4056";
        watch.Tell(new MediaNodeWatch.Unreachable(Other, Definite: false));
        watch.Tell(new MediaNodeWatch.Reachable(Other));
        region.Told.ExpectNoMsg(MediaNodeWatch.UnreachableGrace * 3);
    }

    /// <summary>A shard region: answers state queries with its current entities (unless silent) and passes what the sessions are told to <see cref="Told"/>.</summary>
    private sealed class FakeRegion
    {
        private volatile CurrentShardRegionState _state;
        private int _asked;

        public FakeRegion(TestKitBase kit, params (string Shard, string[] Entities)[] shards)
        {
            _state = State(shards);
            Told = kit.CreateTestProbe();
            Probe = kit.CreateTestProbe();
            Probe.SetAutoPilot(new DelegateAutoPilot((sender, message) =>
            {
                if (message is GetShardRegionState)
                {
                    Interlocked.Increment(ref _asked);
                    if (!Silent)
                    {
                        sender.Tell(_state);
                    }
                }
                else
                {
                    Told.Ref.Tell(message);
                }

                return AutoPilot.KeepRunning;
            }));
        }

        public TestProbe Probe { get; }

        public TestProbe Told { get; }

        public volatile bool Silent;

        public int Asked => Volatile.Read(ref _asked);

        public void Set(params (string Shard, string[] Entities)[] shards) => _state = State(shards);

        private static CurrentShardRegionState State(params (string Shard, string[] Entities)[] shards) =>
            new(shards.Select(s => new ShardState(s.Shard, s.Entities.ToImmutableHashSet())).ToImmutableHashSet(), ImmutableHashSet<string>.Empty);
    }
}
