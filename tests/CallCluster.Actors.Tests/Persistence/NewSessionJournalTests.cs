using Akka.Actor;
using Akka.TestKit;
using CallCluster.Actors.Persistence;
using CallCluster.Actors.Sessions;
using CallCluster.Actors.Sessions.Media;
using CallCluster.Actors.Tests.Sessions;
using CallCluster.Actors.Tests.Support;
using Xunit.Abstractions;
using static CallCluster.Actors.Sessions.SessionCommands;
using static CallCluster.Actors.Sessions.SessionEffects;
using static CallCluster.Actors.Sessions.SessionReplies;

namespace CallCluster.Actors.Tests.Persistence;

/// <summary>
/// Sessions started as new (<see cref="SessionStart.New"/>) on the node's journal
/// (<see cref="CallClusterJournal"/> on a SQLite file): written and recovered as any other, the
/// declared id never left behind, and an id claimed new by mistake overwrites nothing.
/// </summary>
public sealed class NewSessionJournalTests : Akka.TestKit.Xunit2.TestKit
{

    private readonly TempFolder _folder;
    private readonly TestProbe _gateway;
    private readonly TestProbe _shard;

    public NewSessionJournalTests(ITestOutputHelper output)
        : this(new TempFolder(), output)
    {
    }

    private NewSessionJournalTests(TempFolder folder, ITestOutputHelper output)
        : base(TestConfigs.Sqlite(folder.SqliteConnectionString()), output: output)
    {
        _folder = folder;
        _gateway = CreateTestProbe("gateway");
        _shard = CreateTestProbe("shard");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _folder.Dispose();
        }
    }

    [Fact]
    public void A_new_session_is_written_and_recovered_and_its_declared_id_does_not_stay()
    {
        var id = new SessionId("new-" + Guid.NewGuid().ToString("N"));
        Establish(id);
        Assert.Equal(0, NewPersistenceIds.Get(Sys).Count);

        Stop(ExpectRecoveredEstablished(id));
    }

    [Fact]
    public void An_id_claimed_new_by_mistake_is_refused_by_the_journal_and_its_session_is_kept()
    {
        var id = new SessionId("taken-" + Guid.NewGuid().ToString("N"));
        Establish(id);

        // The journal answers "no rows" for a declared id, so the session sees nothing and tries to
        // write its first row again: the unique key refuses it and the caller is told 503.
        var mistaken = StartHost(id, Invite(id, newSession: true));
        Assert.Equal(503, ExpectMsg<Unavailable>().Status);
        Stop(mistaken);
        Assert.Equal(0, NewPersistenceIds.Get(Sys).Count);

        Stop(ExpectRecoveredEstablished(id));
    }

    [Fact]
    public void A_new_session_restarted_after_a_failure_replays_its_journal()
    {
        var id = new SessionId("restarted-" + Guid.NewGuid().ToString("N"));
        var host = Establish(id, stop: false);

        // A failure inside the session: its supervisor restarts it from the same props. Only the
        // first instance was new; the restarted one must read back what the first wrote.
        EventFilter.Exception<InvalidOperationException>().ExpectOne(() => host.Tell(FailingAdapter.Fail.Instance));
        host.Tell(new SessionQueries.GetSession(id));
        ExpectEstablished();
        Assert.Equal(0, NewPersistenceIds.Get(Sys).Count);
        Stop(host);
    }

    /// <summary>A plain call with media bypassed started by its first INVITE (new), answered, then its host stopped.</summary>
    private IActorRef Establish(SessionId id, bool stop = true)
    {
        var host = StartHost(id, Invite(id, newSession: true));
        ExpectMsg<Accepted>();
        var callee = _gateway.ExpectMsg<SendInvite>().LegId;
        host.Tell(new AnswerReceived(id, callee, SessionScenario.Dialog(callee.Value), SessionScenario.PlainAnswer));
        ExpectMsg<Accepted>();
        _gateway.ExpectMsg<AnswerInvite>();
        if (stop)
        {
            Stop(host);
        }

        return host;
    }

    /// <summary>Starts the session again by a query (a usual recovery) and expects it established; returns its host.</summary>
    private IActorRef ExpectRecoveredEstablished(SessionId id)
    {
        var host = StartHost(id, new SessionQueries.GetSession(id));
        ExpectEstablished();
        return host;
    }

    /// <summary>The answer to a session query: the established plain call, both legs.</summary>
    private void ExpectEstablished()
    {
        var view = ExpectMsg<SessionView>();
        Assert.Equal(SessionPhase.Established, view.Phase);
        Assert.Equal(2, view.Legs.Count);
    }

    private IActorRef StartHost(SessionId id, object first)
    {
        var props = SessionHost.Props(start => SessionActor.Props(id.Value, _gateway.Ref, CreateTestProbe().Ref, CreateTestProbe().Ref, mediaAdapter: new FailingAdapter(), start: start));
        var parent = Sys.ActorOf(EntityParent.Props(props, _shard.Ref, first, TestActor));
        parent.Tell(EntityParent.GetEntity.Instance, TestActor);
        return ExpectMsg<IActorRef>();
    }

    private void Stop(IActorRef host)
    {
        Watch(host);
        Sys.Stop(host);
        ExpectTerminated(host);
    }

    /// <summary>The node's media adapter, except that <see cref="Fail"/> throws inside the session.</summary>
    private sealed class FailingAdapter : ISessionMediaAdapter
    {
        private readonly MediaProtocolAdapter _inner = new(null);

        public object? ToMedia(IMediaEffect effect, SessionState state) => _inner.ToMedia(effect, state);

        public ISessionCommand? FromMedia(object message, SessionState state, string mediaNode) =>
            message is Fail ? throw new InvalidOperationException("failure injected by the test") : _inner.FromMedia(message, state, mediaNode);

        public sealed record Fail
        {
            public static Fail Instance { get; } = new();
        }
    }

    private static InboundInvite Invite(SessionId id, bool newSession) =>
        new(id, new LegId("a"), SessionKind.Plain, SessionScenario.Mobile, SessionScenario.RemoteParty, LegRole.Callee, SessionScenario.Dialog("a"), SessionScenario.PlainOffer, AnchorMedia: false, NewSession: newSession);
}
