using Akka.Actor;
using CallCluster.Actors.Directory;
using CallCluster.Actors.Tests.Support;
using static CallCluster.Actors.Directory.DirectoryCommands;
using static CallCluster.Actors.Directory.DirectoryProtocol;
using static CallCluster.Actors.Directory.DirectoryReplies;
using static CallCluster.Actors.Tests.Directory.DirectoryFixtures;

namespace CallCluster.Actors.Tests.Directory;

/// <summary>The singleton writer and a replica in one system (no cluster, no pub-sub).</summary>
public sealed class DirectoryActorTests() : Akka.TestKit.Xunit2.TestKit(TestConfigs.InMemory())
{
    private (IActorRef Writer, IActorRef Replica) Start(string suffix = "")
    {
        var writer = Sys.ActorOf(DirectoryEntity.Props(publish: false), "directory" + suffix);
        var replica = Sys.ActorOf(DirectoryReplica.Props(writer, TimeSpan.FromSeconds(3), subscribe: false), "replica" + suffix);
        return (writer, replica);
    }

    [Fact]
    public void Change_is_visible_in_the_replica_snapshot_when_the_reply_arrives()
    {
        var (_, replica) = Start();
        replica.Tell(Mobile("alice"));
        ExpectMsg(new Ok("alice", true));
        replica.Tell(Terminal("tv"));
        ExpectMsg<Ok>();
        replica.Tell(Household("h1", ["alice"], ["tv"]));
        ExpectMsg(new Ok("h1", true));

        replica.Tell(GetDirectorySnapshot.Instance);
        var snapshot = ExpectMsg<DirectorySnapshot>();
        Assert.True(snapshot.IsLocalTerminalBoundTo("tv", "alice"));
        Assert.Equal(3, snapshot.Version);
        Assert.Same(snapshot, DirectoryView.Get(Sys).Current);
    }

    [Fact]
    public void Rules_apply_through_the_actor()
    {
        var (_, replica) = Start();
        replica.Tell(Household("h1", ["alice"], ["tv"]));
        Assert.IsType<Invalid>(ExpectMsg<IDirectoryReply>());
        replica.Tell(Mobile("alice"));
        ExpectMsg<Ok>();
        replica.Tell(Terminal("tv"));
        ExpectMsg<Ok>();
        replica.Tell(Household("h1", ["alice"], ["tv"]));
        ExpectMsg<Ok>();
        replica.Tell(new DeleteSubscriber("tv"));
        Assert.IsType<Conflict>(ExpectMsg<IDirectoryReply>());
        replica.Tell(new GetSubscriber("tv"));
        Assert.IsType<SubscriberFound>(ExpectMsg<IDirectoryReply>());
    }

    [Fact]
    public void Writer_recovers_its_state_from_the_journal_and_a_new_replica_syncs_it()
    {
        var (writer, replica) = Start("-1");
        replica.Tell(Mobile("alice"));
        ExpectMsg<Ok>();
        replica.Tell(Trunk("t1", ["127.0.0.2"], ["33"]));
        ExpectMsg<Ok>();
        Watch(writer);
        Sys.Stop(writer);
        ExpectTerminated(writer);
        Sys.Stop(replica);

        var (_, fresh) = Start("-2");
        AwaitAssert(() =>
        {
            fresh.Tell(GetDirectorySnapshot.Instance);
            var snapshot = ExpectMsg<DirectorySnapshot>();
            Assert.NotNull(snapshot.FindSubscriber("alice"));
            Assert.Equal("t1", snapshot.TrunkBySource(System.Net.IPAddress.Parse("127.0.0.2"))?.Name);
            Assert.Equal(2, snapshot.Version);
        }, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Replica_applies_published_updates_in_order_and_resyncs_on_a_gap()
    {
        var writerProbe = CreateTestProbe();
        var replica = Sys.ActorOf(DirectoryReplica.Props(writerProbe, TimeSpan.FromSeconds(3), subscribe: false));
        writerProbe.ExpectMsg<DirectorySyncRequest>();
        replica.Tell(new DirectoryStateData([], [], [], 0), writerProbe);

        var alice = DigestHashes.Provision("alice", SubscriberKind.Mobile, Realm, "pw");
        replica.Tell(new DirectoryUpdated(1, [new DirectoryEvents.SubscriberUpserted(alice)]));
        replica.Tell(new DirectoryUpdated(3, [new DirectoryEvents.SubscriberDeleted("alice")]));
        writerProbe.ExpectMsg<DirectorySyncRequest>(r => r.KnownVersion == 1);

        replica.Tell(GetDirectorySnapshot.Instance);
        var snapshot = ExpectMsg<DirectorySnapshot>();
        Assert.Equal(1, snapshot.Version);
        Assert.NotNull(snapshot.FindSubscriber("alice"));
    }

    [Fact]
    public void Unreachable_writer_gives_unavailable()
    {
        var silent = CreateTestProbe();
        var replica = Sys.ActorOf(DirectoryReplica.Props(silent, TimeSpan.FromMilliseconds(300), subscribe: false));
        replica.Tell(Mobile("alice"));
        Assert.IsType<Unavailable>(ExpectMsg<IDirectoryReply>(TimeSpan.FromSeconds(3)));
    }
}
