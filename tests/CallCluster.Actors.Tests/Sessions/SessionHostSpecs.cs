using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Persistence;
using Akka.Persistence.TestKit;
using Akka.TestKit;
using CallCluster.Actors.Sessions;
using CallCluster.Actors.Tests.Support;
using Xunit.Abstractions;
using static CallCluster.Actors.Sessions.SessionCommands;
using static CallCluster.Actors.Sessions.SessionEffects;
using static CallCluster.Actors.Sessions.SessionReplies;

namespace CallCluster.Actors.Tests.Sessions;

/// <summary>
/// The sharded session entity (<see cref="SessionHost"/>): how the first message chooses the
/// session's recovery, and passivation through it. The snapshot store counts its reads.
/// </summary>
public sealed class SessionHostSpecs : Akka.TestKit.Xunit2.TestKit
{

    private readonly TestProbe _gateway;
    private readonly TestProbe _media;
    private readonly TestProbe _cdr;
    private readonly TestProbe _shard;
    private readonly LoadCounter _loads = new();

    public SessionHostSpecs(ITestOutputHelper output)
        : base(TestConfigs.PersistenceTestKit, output: output)
    {
        _gateway = CreateTestProbe("gateway");
        _media = CreateTestProbe("media");
        _cdr = CreateTestProbe("cdr");
        _shard = CreateTestProbe("shard");
    }

    [Fact]
    public async Task A_session_started_by_its_invite_never_asks_the_snapshot_store()
    {
        await CountLoads();
        var id = new SessionId("fresh");
        var host = StartHost(id, Invite(id));
        ExpectMsg<Accepted>();
        Assert.Equal(SessionScenario.RemoteParty, _gateway.ExpectMsg<SendInvite>().To);
        host.Tell(new SessionQueries.GetSession(id));
        Assert.Equal(SessionPhase.Setup, ExpectMsg<SessionView>().Phase);
        Assert.Equal(0, _loads.Count);
    }

    [Fact]
    public async Task A_remembered_session_restarted_without_a_message_recovers_from_its_snapshot()
    {
        var id = new SessionId("remembered");
        var callee = await EstablishWithSnapshot(id);
        await CountLoads();

        // As a shard restarting a remembered entity: created, nothing sent.
        var host = StartHost(id, first: null);
        await AwaitConditionAsync(() => Task.FromResult(_loads.Count == 1), TimeSpan.FromSeconds(5));
        host.Tell(new SessionQueries.GetSession(id));
        var view = ExpectMsg<SessionView>();
        Assert.Equal(SessionPhase.Established, view.Phase);
        Assert.Contains(view.Legs, leg => leg.LegId == callee);
    }

    [Fact]
    public async Task A_resent_invite_that_starts_a_stored_session_still_recovers_all_of_it()
    {
        var id = new SessionId("resent");
        var callee = await EstablishWithSnapshot(id);
        await CountLoads();

        // The gateway's resent INVITE reaches a session that has moved: taken for a fresh start,
        // so no snapshot is read, and the whole journal is replayed instead.
        var host = StartHost(id, Invite(id));
        ExpectMsg<Accepted>();
        host.Tell(new SessionQueries.GetSession(id));
        var view = ExpectMsg<SessionView>();
        Assert.Equal(SessionPhase.Established, view.Phase);
        Assert.Equal(2, view.Legs.Count);
        Assert.Equal(0, _loads.Count);

        host.Tell(new ByeReceived(id, new LegId("a")));
        ExpectMsg<Accepted>();
        Assert.Equal(callee, _gateway.ExpectMsg<SendBye>().LegId);
    }

    [Fact]
    public void The_sessions_passivation_goes_to_the_shard_as_the_hosts_and_both_stop()
    {
        var id = new SessionId("unknown");
        var host = StartHost(id, new SessionQueries.GetSession(id));
        ExpectMsg<SessionQueries.SessionNotFound>();
        var passivate = _shard.ExpectMsg<Passivate>();
        Assert.Equal(SessionActor.StopSession.Instance, passivate.StopMessage);
        Assert.Equal(host, _shard.LastSender);
        _shard.ExpectMsg<EntityParent.EntityStopped>();
    }

    private IActorRef StartHost(SessionId id, object? first)
    {
        var props = SessionHost.Props(start => SessionActor.Props(id.Value, _gateway.Ref, _media.Ref, _cdr.Ref, SessionSettings.Default with { SnapshotEvery = 1 }, start: start));
        var parent = Sys.ActorOf(EntityParent.Props(props, _shard.Ref, first, TestActor));
        parent.Tell(EntityParent.GetEntity.Instance, TestActor);
        return ExpectMsg<IActorRef>();
    }

    /// <summary>A plain call a -> b with media bypassed, answered, snapshot saved; the host stopped. Returns the callee leg.</summary>
    private async Task<LegId> EstablishWithSnapshot(SessionId id)
    {
        var host = StartHost(id, Invite(id));
        ExpectMsg<Accepted>();
        var callee = _gateway.ExpectMsg<SendInvite>().LegId;
        host.Tell(new AnswerReceived(id, callee, SessionScenario.Dialog(callee.Value), SessionScenario.PlainAnswer));
        ExpectMsg<Accepted>();
        _gateway.ExpectMsg<AnswerInvite>();
        var store = Akka.Persistence.Persistence.Instance.Apply(Sys).SnapshotStoreFor(null);
        await AwaitAssertAsync(async () =>
        {
            var loaded = await store.Ask<LoadSnapshotResult>(new LoadSnapshot("session-" + id.Value, SnapshotSelectionCriteria.Latest, long.MaxValue));
            Assert.IsType<SessionSnapshot>(loaded.Snapshot?.Snapshot);
        });
        Watch(host);
        Sys.Stop(host);
        ExpectTerminated(host);
        return callee;
    }

    private static InboundInvite Invite(SessionId id) =>
        new(id, new LegId("a"), SessionKind.Plain, SessionScenario.Mobile, SessionScenario.RemoteParty, LegRole.Callee, SessionScenario.Dialog("a"), SessionScenario.PlainOffer, AnchorMedia: false);

    private async Task CountLoads()
    {
        var store = TestSnapshotStore.FromRef(Akka.Persistence.Persistence.Instance.Apply(Sys).SnapshotStoreFor(null));
        await store.OnLoad.SetInterceptorAsync(_loads);
    }

    private sealed class LoadCounter : ISnapshotStoreInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public Task InterceptAsync(string persistenceId, SnapshotSelectionCriteria criteria)
        {
            Interlocked.Increment(ref _count);
            return Task.CompletedTask;
        }
    }
}
