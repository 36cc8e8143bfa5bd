using Akka.Actor;
using Akka.Cluster.Sharding;

namespace CallCluster.Actors.Tests.Sessions;

/// <summary>
/// Stands in for a shard: creates the entity as its child, forwards messages to it, reports
/// <see cref="Passivate"/> to a probe and answers it with the stop message, as a shard does.
/// </summary>
internal sealed class EntityParent : ReceiveActor
{
    public EntityParent(Props entity, IActorRef passivations)
    {
        var child = Context.ActorOf(entity, "entity");
        Context.Watch(child);
        Receive<Passivate>(p =>
        {
            passivations.Tell(p);
            child.Tell(p.StopMessage);
        });
        Receive<Terminated>(t => passivations.Tell(new EntityStopped(t.ActorRef)));
        ReceiveAny(m => child.Forward(m));
    }

    public static Props Props(Props entity, IActorRef passivations) =>
        Akka.Actor.Props.Create(() => new EntityParent(entity, passivations));

    public sealed record EntityStopped(IActorRef Entity);
}
