using Akka.Actor;
using Akka.Cluster.Sharding;

namespace CallCluster.JournalBench;

/// <summary>
/// Stands in for a shard: starts entities as its children, answers <see cref="Passivate"/> with the
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
            Sender.Tell(child);
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

    /// <summary>Start <paramref name="Props"/>; replies with the entity's ref; <paramref name="Stopped"/> completes when it stops.</summary>
    public sealed record StartEntity(Props Props, TaskCompletionSource Stopped);
}
