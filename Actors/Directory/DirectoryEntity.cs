using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Event;
using Akka.Persistence;
using static CallCluster.Actors.Directory.DirectoryEvents;
using static CallCluster.Actors.Directory.DirectoryProtocol;

namespace CallCluster.Actors.Directory;

/// <summary>
/// The directory's single writer (a cluster singleton, persistence id <c>directory</c>): decides
/// provisioning commands with <see cref="DirectoryRules"/>, persists the events, replies after
/// persisting and publishes every change to the replicas.
/// </summary>
public sealed class DirectoryEntity : ReceivePersistentActor
{
    public const string DirectoryPersistenceId = "directory";
    public const int SnapshotEvery = 100;

    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly bool _publish;
    private DirectoryState _state = DirectoryState.Empty;

    public DirectoryEntity(bool publish)
    {
        _publish = publish;
        Recover<SnapshotOffer>(offer =>
        {
            if (offer.Snapshot is DirectoryStateData data)
            {
                _state = DirectoryState.FromData(data);
            }
        });
        Recover<IDirectoryEvent>(e => _state = _state.Apply(e));
        Command<DirectoryRequest>(Handle);
        Command<DirectorySyncRequest>(r => Sender.Tell(r.KnownVersion == LastSequenceNr
            ? new DirectoryUpToDate(LastSequenceNr)
            : _state.ToData(LastSequenceNr)));
        Command<SaveSnapshotSuccess>(s => DeleteSnapshots(new SnapshotSelectionCriteria(s.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(f => _log.Warning(f.Cause, "Directory snapshot failed"));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(f => _log.Warning(f.Cause, "Old directory snapshots not deleted"));
    }

    public override string PersistenceId => DirectoryPersistenceId;

    public static Props Props(bool publish = true) => Akka.Actor.Props.Create(() => new DirectoryEntity(publish));

    private void Handle(DirectoryRequest request)
    {
        var decision = DirectoryRules.Decide(_state, request.Command);
        if (decision.Events.Count == 0)
        {
            Sender.Tell(new DirectoryResponse(decision.Reply, LastSequenceNr, []));
            return;
        }

        var replyTo = Sender;
        var remaining = decision.Events.Count;
        PersistAll(decision.Events, e =>
        {
            _state = _state.Apply(e);
            if (--remaining > 0)
            {
                return;
            }

            replyTo.Tell(new DirectoryResponse(decision.Reply, LastSequenceNr, decision.Events));
            if (_publish)
            {
                DistributedPubSub.Get(Context.System).Mediator.Tell(
                    new Publish(Topic, new DirectoryUpdated(LastSequenceNr, decision.Events)));
            }

            if (LastSequenceNr % SnapshotEvery == 0)
            {
                SaveSnapshot(_state.ToData(LastSequenceNr));
            }
        });
    }

    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        _log.Error(cause, "Directory event {0} rejected at {1}", @event.GetType().Name, sequenceNr);
        base.OnPersistRejected(cause, @event, sequenceNr);
    }
}
