using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Persistence.TestKit;
using Akka.TestKit;
using CallCluster.Actors.Cdr;
using CallCluster.Actors.MediaProtocol;
using CallCluster.Actors.Sessions;
using CallCluster.Actors.Tests.Support;
using Xunit.Abstractions;
using static CallCluster.Actors.Sessions.SessionCommands;
using static CallCluster.Actors.Sessions.SessionEffects;
using static CallCluster.Actors.Sessions.SessionReplies;

namespace CallCluster.Actors.Tests.Sessions;

public sealed class SessionActorSpecs : Akka.TestKit.Xunit2.TestKit
{

    private readonly TestProbe _gateway;
    private readonly TestProbe _media;
    private readonly TestProbe _cdr;
    private readonly TestProbe _shard;

    public SessionActorSpecs(ITestOutputHelper output)
        : base(TestConfigs.PersistenceTestKit, output: output)
    {
        _gateway = CreateTestProbe("gateway");
        _media = CreateTestProbe("media");
        _cdr = CreateTestProbe("cdr");
        _shard = CreateTestProbe("shard");
    }

    private static SessionSettings Settings(int snapshotEvery = 50, double cdrRetrySeconds = 30, double sessionIntervalSeconds = 1800) =>
        new(snapshotEvery, TimeSpan.FromSeconds(cdrRetrySeconds), 5, TimeSpan.FromSeconds(sessionIntervalSeconds));

    private IActorRef StartEntity(string id, SessionSettings settings) =>
        Sys.ActorOf(EntityParent.Props(SessionActor.Props(id, _gateway.Ref, _media.Ref, _cdr.Ref, settings), _shard.Ref));

    private void StopEntity(IActorRef parent)
    {
        Watch(parent);
        Sys.Stop(parent);
        ExpectTerminated(parent);
    }

    private async Task<ITestJournal> Journal()
    {
        var journal = Akka.Persistence.Persistence.Instance.Apply(Sys).JournalFor(null);
        var test = TestJournal.FromRef(journal);
        await test.OnWrite.Pass();
        return test;
    }

    /// <summary>Plain call a -> b through the actor, answered; returns the callee leg id.</summary>
    private LegId EstablishPlainCall(IActorRef entity, SessionId id)
    {
        var dialog = SessionScenario.Dialog("a");
        entity.Tell(new InboundInvite(id, new LegId("a"), SessionKind.Plain, SessionScenario.Mobile, SessionScenario.RemoteParty, LegRole.Callee, dialog, SessionScenario.PlainOffer));
        ExpectMsg<Accepted>();
        var allocA = _media.ExpectMsg<AllocateEndpoint>();
        var allocB = _media.ExpectMsg<AllocateEndpoint>();
        Assert.Equal(("a", "a"), (allocA.LegId, allocA.ParticipantId));
        _media.Reply(new EndpointAllocated(id.Value, allocA.LegId, "ep-a", "198.51.100.1", [new AllocatedStream(MediaKind.Audio, 30000, 30001, false)]));
        Assert.Equal("ep-a", _media.ExpectMsg<ConfigureEndpoint>().EndpointId);
        _media.Reply(new EndpointAllocated(id.Value, allocB.LegId, "ep-b", "198.51.100.1", [new AllocatedStream(MediaKind.Audio, 30002, 30003, false)]));
        var invite = _gateway.ExpectMsg<SendInvite>();
        Assert.Contains("m=audio 30002 RTP/AVP", invite.Sdp);
        var callee = invite.LegId;

        entity.Tell(new AnswerReceived(id, callee, SessionScenario.Dialog(callee.Value), SessionScenario.PlainAnswer));
        ExpectMsg<Accepted>();
        var answer = _gateway.ExpectMsg<AnswerInvite>();
        Assert.Equal(new LegId("a"), answer.LegId);
        Assert.Contains("m=audio 30000 RTP/AVP 0 8", answer.Sdp);
        Assert.Equal("ep-b", _media.ExpectMsg<ConfigureEndpoint>().EndpointId);
        var bridge = _media.ExpectMsg<TransferToBridge>();
        Assert.Equal(("ep-a", "ep-b"), (bridge.EndpointIdA, bridge.EndpointIdB));
        return callee;
    }

    [Fact]
    public void Effects_reach_gateway_media_and_cdr_writer_in_order_and_the_cdr_is_sent_once()
    {
        var id = new SessionId("order");
        var entity = StartEntity(id.Value, Settings(cdrRetrySeconds: 30));
        var callee = EstablishPlainCall(entity, id);

        entity.Tell(new ByeReceived(id, new LegId("a")));
        ExpectMsg<Accepted>();
        var bye = _gateway.ExpectMsg<SendBye>();
        Assert.Equal(callee, bye.LegId);
        Assert.Equal(2, bye.Dialog.LocalCSeq);
        Assert.Equal("ep-a", _media.ExpectMsg<ReleaseEndpoint>().EndpointId);
        Assert.Equal("ep-b", _media.ExpectMsg<ReleaseEndpoint>().EndpointId);
        _media.ExpectMsg<ReleaseSession>();
        var cdr = _cdr.ExpectMsg<WriteCdr>().Record;
        Assert.Equal(("order", "plain", "normal-clearing"), (cdr.SessionId, cdr.Kind, cdr.EndReason));
        Assert.Equal(2, cdr.Legs.Count);
        Assert.NotNull(cdr.Answer);

        _cdr.Reply(new CdrWritten("order"));
        _shard.ExpectMsg<Passivate>();
        _shard.ExpectMsg<EntityParent.EntityStopped>();
        _cdr.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public void Cdr_is_retried_until_confirmed()
    {
        var id = new SessionId("retry");
        var entity = StartEntity(id.Value, Settings(cdrRetrySeconds: 0.1));
        var callee = EstablishPlainCall(entity, id);
        entity.Tell(new ByeReceived(id, callee));
        ExpectMsg<Accepted>();
        var first = _cdr.ExpectMsg<WriteCdr>().Record;
        _cdr.Reply(new CdrWriteFailed("retry", "database locked"));
        var second = _cdr.ExpectMsg<WriteCdr>(TimeSpan.FromSeconds(10)).Record;
        Assert.Equal(first.SessionId, second.SessionId);
        Assert.Equal(first.End, second.End);
        _cdr.Reply(new CdrWritten("retry"));
        _shard.ExpectMsg<Passivate>(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Entity_stopped_mid_session_recovers_to_the_same_state_and_can_still_hang_up()
    {
        var id = new SessionId("recover");
        var entity = StartEntity(id.Value, Settings(snapshotEvery: 3));
        var callee = EstablishPlainCall(entity, id);
        entity.Tell(new SessionQueries.GetSession(id));
        var before = ExpectMsg<SessionView>();
        var store = Akka.Persistence.Persistence.Instance.Apply(Sys).SnapshotStoreFor(null);
        await AwaitAssertAsync(async () =>
        {
            var loaded = await store.Ask<Akka.Persistence.LoadSnapshotResult>(
                new Akka.Persistence.LoadSnapshot("session-recover", Akka.Persistence.SnapshotSelectionCriteria.Latest, long.MaxValue));
            Assert.IsType<SessionSnapshot>(loaded.Snapshot?.Snapshot);
        });
        StopEntity(entity);

        var again = StartEntity(id.Value, Settings(snapshotEvery: 3));
        again.Tell(new SessionQueries.GetSession(id));
        var after = ExpectMsg<SessionView>();
        Assert.Equal(SessionPhase.Established, after.Phase);
        Assert.Equal(before.Legs, after.Legs);
        Assert.Equal((before.Started, before.Answered, before.Kind), (after.Started, after.Answered, after.Kind));

        again.Tell(new ByeReceived(id, callee));
        ExpectMsg<Accepted>();
        var bye = _gateway.ExpectMsg<SendBye>();
        Assert.Equal(new LegId("a"), bye.LegId);
        Assert.Equal(SessionScenario.Dialog("a").LocalCSeq + 1, bye.Dialog.LocalCSeq);
        Assert.Equal("lt-a", bye.Dialog.LocalTag);
    }

    [Fact]
    public void Ended_session_resends_the_same_cdr_after_recovery_until_confirmed()
    {
        var id = new SessionId("cdr-recover");
        var entity = StartEntity(id.Value, Settings());
        var callee = EstablishPlainCall(entity, id);
        entity.Tell(new ByeReceived(id, callee));
        ExpectMsg<Accepted>();
        var first = _cdr.ExpectMsg<WriteCdr>().Record;
        StopEntity(entity);

        StartEntity(id.Value, Settings());
        var resent = _cdr.ExpectMsg<WriteCdr>().Record;
        Assert.Equal(first.SessionId, resent.SessionId);
        Assert.Equal(first.End, resent.End);
        _cdr.Reply(new CdrWritten(id.Value));
        _shard.ExpectMsg<Passivate>();
        _shard.ExpectMsg<EntityParent.EntityStopped>();

        // The confirmation is not journalled (the CDR table is keyed by session id): a confirmed
        // session started again offers the same record once more, then passivates.
        StartEntity(id.Value, Settings());
        var again = _cdr.ExpectMsg<WriteCdr>().Record;
        Assert.Equal(first.SessionId, again.SessionId);
        Assert.Equal(first.End, again.End);
        _cdr.Reply(new CdrWritten(id.Value));
        _shard.ExpectMsg<Passivate>();
        _shard.ExpectMsg<EntityParent.EntityStopped>();
        _cdr.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public async Task Journal_failure_refuses_the_command_with_503_and_writes_nothing()
    {
        var journal = await Journal();
        var id = new SessionId("journal-fail");
        var entity = StartEntity(id.Value, Settings());
        var callee = EstablishPlainCall(entity, id);

        await journal.OnWrite.Fail();
        entity.Tell(new ByeReceived(id, callee));
        var refused = ExpectMsg<Unavailable>();
        Assert.Equal((503, 5), (refused.Status, refused.RetryAfterSeconds));
        _shard.ExpectMsg<EntityParent.EntityStopped>();
        _gateway.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        _cdr.ExpectNoMsg(TimeSpan.Zero);

        await journal.OnWrite.Pass();
        StopEntity(entity);
        var again = StartEntity(id.Value, Settings());
        again.Tell(new SessionQueries.GetSession(id));
        var view = ExpectMsg<SessionView>();
        Assert.Equal(SessionPhase.Established, view.Phase);
        Assert.All(view.Legs, l => Assert.Equal(LegPhase.Confirmed, l.Phase));

        again.Tell(new ByeReceived(id, callee));
        ExpectMsg<Accepted>();
        Assert.Equal(new LegId("a"), _gateway.ExpectMsg<SendBye>().LegId);
    }

    [Fact]
    public async Task Journal_rejection_answers_503_and_refuses_new_work_without_applying_anything()
    {
        var journal = await Journal();
        var id = new SessionId("journal-reject");
        var entity = StartEntity(id.Value, Settings());
        var callee = EstablishPlainCall(entity, id);

        await journal.OnWrite.Reject();
        entity.Tell(new ByeReceived(id, callee));
        Assert.Equal(503, ExpectMsg<Unavailable>().Status);
        await journal.OnWrite.Pass();

        entity.Tell(new ByeReceived(id, callee));
        Assert.Equal(503, ExpectMsg<Unavailable>().Status);
        entity.Tell(new SessionQueries.GetSession(id));
        Assert.Equal(SessionPhase.Established, ExpectMsg<SessionView>().Phase);
        _gateway.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Leg_session_timer_running_out_reaps_the_call()
    {
        var id = new SessionId("timer");
        var entity = StartEntity(id.Value, Settings(sessionIntervalSeconds: 0.3));
        EstablishPlainCall(entity, id);

        var byes = new[] { _gateway.ExpectMsg<SendBye>(TimeSpan.FromSeconds(10)), _gateway.ExpectMsg<SendBye>(TimeSpan.FromSeconds(10)) };
        Assert.Equal(2, byes.Select(b => b.LegId).Distinct().Count());
        var cdr = _cdr.ExpectMsg<WriteCdr>(TimeSpan.FromSeconds(10)).Record;
        Assert.Equal("session-timer-expired", cdr.EndReason);
    }

    [Fact]
    public void Leg_ids_with_any_characters_are_accepted()
    {
        var id = new SessionId("odd-legs");
        var entity = StartEntity(id.Value, Settings());
        var leg = new LegId("a84b4c76e66710@pc33.atlanta.com/1;tag=x y%");
        entity.Tell(new InboundInvite(id, leg, SessionKind.Plain, SessionScenario.Mobile, SessionScenario.RemoteParty, LegRole.Callee, SessionScenario.Dialog("odd"), SessionScenario.PlainOffer));
        ExpectMsg<Accepted>();
        Assert.Equal(leg.Value, _media.ExpectMsg<AllocateEndpoint>().LegId);
        entity.Tell(new SessionQueries.GetSession(id));
        Assert.Equal(2, ExpectMsg<SessionView>().Legs.Count);
    }

    [Fact]
    public void Unknown_session_query_answers_not_found_and_passivates()
    {
        var id = new SessionId("nobody");
        var entity = StartEntity(id.Value, Settings());
        entity.Tell(new SessionQueries.GetSession(id));
        ExpectMsg<SessionQueries.SessionNotFound>();
        _shard.ExpectMsg<Passivate>();
    }
}
