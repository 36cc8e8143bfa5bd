using Akka.Actor;
using Akka.Persistence;
using CallCluster.Actors.Persistence;

namespace CallCluster.JournalBench;

/// <summary>
/// The minimal persistent actor: persists byte-array events one after another, as a naive entity
/// would, their sizes taken in turn from a list. A <c>fresh</c> writer starts as a new session does: its id declared new
/// (<see cref="NewPersistenceIds"/>), no snapshot asked for, so it reads nothing before it writes.
/// </summary>
public sealed class RawWriter : ReceivePersistentActor
{
    private readonly byte[][] _payloads;
    private int _written;
    private readonly bool _fresh;
    private IActorRef _requester = ActorRefs.Nobody;
    private int _left;

    public RawWriter(string persistenceId, bool fresh, IReadOnlyList<int> payloadBytes)
    {
        PersistenceId = persistenceId;
        _fresh = fresh;
        _payloads = [.. payloadBytes.Select(b => new byte[b])];
        if (fresh)
        {
            NewPersistenceIds.Get(Context.System).Declare(persistenceId);
        }

        Recover<byte[]>(_ => { });
        Recover<RecoveryCompleted>(_ => NewPersistenceIds.Get(Context.System).Forget(PersistenceId));
        Command<Write>(w =>
        {
            _requester = Sender;
            _left = w.Events;
            Next();
        });
    }

    public override string PersistenceId { get; }

    /// <inheritdoc />
    public override Recovery Recovery => _fresh ? new Recovery(SnapshotSelectionCriteria.None) : base.Recovery;

    public static Props Props(string persistenceId, bool fresh, IReadOnlyList<int> payloadBytes) =>
        Akka.Actor.Props.Create(() => new RawWriter(persistenceId, fresh, payloadBytes));

    private void Next()
    {
        if (_left-- <= 0)
        {
            _requester.Tell(Written.Instance);
            Context.Stop(Self);
            return;
        }

        Persist(_payloads[_written++ % _payloads.Length], _ => Next());
    }

    /// <summary>Persist <paramref name="Events"/> events, each after the previous one is stored.</summary>
    public sealed record Write(int Events);

    public sealed record Written
    {
        public static Written Instance { get; } = new();
    }
}
