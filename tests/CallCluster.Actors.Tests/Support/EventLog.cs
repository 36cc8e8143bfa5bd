using Akka.Actor;
using Akka.Persistence;

namespace CallCluster.Actors.Tests.Support;

/// <summary>
/// The smallest persistent actor for journal tests: persists what it is told, one event at a time,
/// and reports the events it holds. A write the journal fails stops it (Akka's rule); a rejected
/// write is reported and the actor carries on.
/// </summary>
public sealed class EventLog : ReceivePersistentActor
{
    private readonly List<object> _events = [];
    private IActorRef _requester = ActorRefs.Nobody;

    public EventLog(string persistenceId)
    {
        PersistenceId = persistenceId;
        Recover<RecoveryCompleted>(_ => { });
        Recover<object>(e => _events.Add(e));
        Command<Store>(store =>
        {
            _requester = Sender;
            var left = store.Events.Count;
            PersistAll(store.Events, e =>
            {
                _events.Add(e);
                if (--left == 0)
                {
                    _requester.Tell(new Stored(LastSequenceNr));
                }
            });
        });
        Command<StoreEach>(store =>
        {
            _requester = Sender;
            // Deliberately one atomic write per event: the journal gets them as one request.
#pragma warning disable AK1006
            foreach (var e in store.Events)
            {
                Persist(e, _events.Add);
            }
#pragma warning restore AK1006
        });
        Command<GetEvents>(_ => Sender.Tell(new Events([.. _events], LastSequenceNr)));
    }

    public override string PersistenceId { get; }

    public static Props Props(string persistenceId) => Akka.Actor.Props.Create(() => new EventLog(persistenceId));

    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        _requester.Tell(new Rejected(cause, sequenceNr));
    }

    /// <summary>Persist these in one write; <see cref="Stored"/> when the last is.</summary>
    public sealed record Store(IReadOnlyList<object> Events);

    /// <summary>Persist each of these as its own atomic write (all in one journal request); nothing is replied.</summary>
    public sealed record StoreEach(IReadOnlyList<object> Events);

    public sealed record Stored(long SequenceNr);

    public sealed record Rejected(Exception Cause, long SequenceNr);

    public sealed record GetEvents
    {
        public static GetEvents Instance { get; } = new();
    }

    public sealed record Events(IReadOnlyList<object> All, long SequenceNr);
}
