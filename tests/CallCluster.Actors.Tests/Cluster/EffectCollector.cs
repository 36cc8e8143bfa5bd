using System.Collections.Concurrent;
using Akka.Actor;

namespace CallCluster.Actors.Tests.Cluster;

/// <summary>Stands in for a node's gateway outbox: keeps every message it receives, in arrival order.</summary>
public sealed class EffectCollector : ReceiveActor
{
    public EffectCollector(ConcurrentQueue<object> sink) => ReceiveAny(sink.Enqueue);

    public static Props Props(ConcurrentQueue<object> sink) => Akka.Actor.Props.Create(() => new EffectCollector(sink));
}
