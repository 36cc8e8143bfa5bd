using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Event;
using static CallCluster.Actors.Directory.DirectoryCommands;
using static CallCluster.Actors.Directory.DirectoryEvents;
using static CallCluster.Actors.Directory.DirectoryProtocol;
using static CallCluster.Actors.Directory.DirectoryReplies;

namespace CallCluster.Actors.Directory;

/// <summary>
/// One per node (ActorRegistry key <c>DirectoryActor</c>): keeps the node's <see cref="DirectorySnapshot"/>
/// current from the singleton's updates, answers lookups and queries from memory, and forwards
/// changes to the singleton, replying only once the change is visible here too.
/// </summary>
public sealed class DirectoryReplica : ReceiveActor, IWithTimers
{
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan UnsyncedRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan SyncedRefresh = TimeSpan.FromSeconds(5);

    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly IActorRef _writer;
    private readonly DirectoryView _view;
    private readonly TimeSpan _requestTimeout;
    private readonly bool _subscribe;
    private DirectorySnapshot _snapshot = DirectorySnapshot.Empty;
    private bool _synced;

    public DirectoryReplica(IActorRef writer, TimeSpan requestTimeout, bool subscribe)
    {
        _writer = writer;
        _requestTimeout = requestTimeout;
        _subscribe = subscribe;
        _view = DirectoryView.Get(Context.System);
        Receive<GetDirectorySnapshot>(_ => Sender.Tell(_snapshot));
        Receive<IDirectoryCommand>(Handle);
        Receive<Completed>(OnCompleted);
        Receive<DirectoryUpdated>(u => Advance(u.Version, u.Events));
        Receive<SubscribeAck>(_ => { });
        Receive<DirectoryStateData>(Replace);
        Receive<DirectoryUpToDate>(_ => MarkSynced());
        Receive<SyncTick>(_ => _writer.Tell(new DirectorySyncRequest(_synced ? _snapshot.Version : -1)));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(IActorRef writer, TimeSpan? requestTimeout = null, bool subscribe = true) =>
        Akka.Actor.Props.Create(() => new DirectoryReplica(writer, requestTimeout ?? DefaultRequestTimeout, subscribe));

    protected override void PreStart()
    {
        if (_subscribe)
        {
            DistributedPubSub.Get(Context.System).Mediator.Tell(new Subscribe(Topic, Self));
        }

        Self.Tell(SyncTick.Instance);
        Timers.StartPeriodicTimer("sync", SyncTick.Instance, UnsyncedRetry);
    }

    private void Handle(IDirectoryCommand command)
    {
        if (_synced && DirectoryRules.IsQuery(command))
        {
            Sender.Tell(DirectoryRules.Decide(_snapshot.State, command).Reply);
            return;
        }

        var replyTo = Sender;
        _writer.Ask<DirectoryResponse>(new DirectoryRequest(command), _requestTimeout)
            .PipeTo(Self, success: r => new Completed(r, replyTo), failure: e => new Completed(null, replyTo, e));
    }

    private void OnCompleted(Completed done)
    {
        if (done.Response is null)
        {
            _log.Warning("Directory request failed: {0}", done.Error?.Message);
            done.ReplyTo.Tell(new Unavailable("directory is unavailable, retry later"));
            return;
        }

        Advance(done.Response.Version, done.Response.Events);
        done.ReplyTo.Tell(done.Response.Reply);
    }

    private void Advance(long version, IReadOnlyList<IDirectoryEvent> events)
    {
        if (!_synced || version <= _snapshot.Version || events.Count == 0)
        {
            return;
        }

        if (version - events.Count != _snapshot.Version)
        {
            Self.Tell(SyncTick.Instance);
            return;
        }

        var state = _snapshot.State;
        foreach (var e in events)
        {
            state = state.Apply(e);
        }

        Publish(_snapshot.With(state, version));
    }

    private void Replace(DirectoryStateData data)
    {
        if (_synced && data.Version < _snapshot.Version)
        {
            return;
        }

        Publish(new DirectorySnapshot(DirectoryState.FromData(data), data.Version));
        MarkSynced();
    }

    private void MarkSynced()
    {
        if (_synced)
        {
            return;
        }

        _synced = true;
        if (ReferenceEquals(_snapshot, DirectorySnapshot.Empty))
        {
            Publish(new DirectorySnapshot(DirectoryState.Empty, 0));
        }

        Timers.StartPeriodicTimer("sync", SyncTick.Instance, SyncedRefresh);
    }

    private void Publish(DirectorySnapshot snapshot)
    {
        _snapshot = snapshot;
        _view.Publish(snapshot);
    }

    private sealed record Completed(DirectoryResponse? Response, IActorRef ReplyTo, Exception? Error = null);

    private sealed record SyncTick
    {
        public static SyncTick Instance { get; } = new();
    }
}
