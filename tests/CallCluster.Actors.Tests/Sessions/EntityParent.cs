using Akka.Actor;
using Akka.Cluster.Sharding;

namespace CallCluster.Actors.Tests.Sessions;

/// <summary>
/// Stands in for a shard: creates the entity as its child, forwards messages to it, forwards
/// <see cref="Passivate"/> to a probe and answers it with the stop message, as a shard does.
/// A <paramref name="first"/> message is delivered as soon as the entity is created, as a shard
/// delivers the message that started it.
/// </summary>
internal sealed class EntityParent : ReceiveActor
{
    public EntityParent(Props entity, IActorRef passivations, object? first = null, IActorRef? firstSender = null)
    {
        var child = Context.ActorOf(entity, "entity");
        Context.Watch(child);
        if (first is not null)
        {
            child.Tell(first, firstSender ?? ActorRefs.NoSender);
        }

        Receive<GetEntity>(_ => Sender.Tell(child));
        Receive<Passivate>(p =>
        {
            passivations.Forward(p);
            child.Tell(p.StopMessage);
        });
        Receive<Terminated>(t => passivations.Tell(new EntityStopped(t.ActorRef)));
        ReceiveAny(m => child.Forward(m));
    }

    public static Props Props(Props entity, IActorRef passivations, object? first = null, IActorRef? firstSender = null) =>
        Akka.Actor.Props.Create(() => new EntityParent(entity, passivations, first, firstSender));

    public sealed record EntityStopped(IActorRef Entity);

    /// <summary>Replied with the entity's ref.</summary>
    public sealed record GetEntity
    {
        public static GetEntity Instance { get; } = new();
    }
}
