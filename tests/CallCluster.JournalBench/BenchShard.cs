using Akka.Actor;
using Akka.Cluster.Sharding;

namespace CallCluster.JournalBench;

/// <summary>
/// Stands in for a shard: starts entities as its children (delivering a first message at once, as a
/// shard does with the message that started the entity), answers <see cref="Passivate"/> with the
/// stop message as a shard does, and completes the caller's task when an entity has stopped.
/// </summary>
public sealed class BenchShard : ReceiveActor
{
    private readonly Dictionary<IActorRef, TaskCompletionSource> _stopped = [];
    private long _started;

    public BenchShard()
    {
        Receive<StartEntity>(s =>
        {
            var child = Context.ActorOf(s.Props, "e" + _started++);
            Context.Watch(child);
            _stopped[child] = s.Stopped;
            if (s.First is null)
            {
                Sender.Tell(child);
                return;
            }

            s.Started?.TrySetResult(child);
            child.Tell(s.First, Sender);
        });
        Receive<Passivate>(p => Sender.Tell(p.StopMessage));
        Receive<Terminated>(t =>
        {
            if (_stopped.Remove(t.ActorRef, out var done))
            {
                done.TrySetResult();
            }
        });
    }

    public static Props Props() => Akka.Actor.Props.Create(() => new BenchShard());

    /// <summary>
    /// Start <paramref name="Props"/>; <paramref name="Stopped"/> completes when it stops. Without
    /// <paramref name="First"/> the reply is the entity's ref; with it, the entity gets
    /// <paramref name="First"/> from the sender (and replies to it), and <paramref name="Started"/> gets the ref.
    /// </summary>
    public sealed record StartEntity(Props Props, TaskCompletionSource Stopped, object? First = null, TaskCompletionSource<IActorRef>? Started = null);
}
