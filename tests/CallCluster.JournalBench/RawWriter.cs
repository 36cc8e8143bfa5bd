using Akka.Actor;
using Akka.Persistence;

namespace CallCluster.JournalBench;

/// <summary>The minimal persistent actor: persists small byte-array events one after another, as a naive entity would.</summary>
public sealed class RawWriter : ReceivePersistentActor
{
    private static readonly byte[] Payload = new byte[120];
    private IActorRef _requester = ActorRefs.Nobody;
    private int _left;

    public RawWriter(string persistenceId)
    {
        PersistenceId = persistenceId;
        Recover<byte[]>(_ => { });
        Command<Write>(w =>
        {
            _requester = Sender;
            _left = w.Events;
            Next();
        });
    }

    public override string PersistenceId { get; }

    public static Props Props(string persistenceId) => Akka.Actor.Props.Create(() => new RawWriter(persistenceId));

    private void Next()
    {
        if (_left-- <= 0)
        {
            _requester.Tell(Written.Instance);
            Context.Stop(Self);
            return;
        }

        Persist(Payload, _ => Next());
    }

    /// <summary>Persist <paramref name="Events"/> events, each after the previous one is stored.</summary>
    public sealed record Write(int Events);

    public sealed record Written
    {
        public static Written Instance { get; } = new();
    }
}
