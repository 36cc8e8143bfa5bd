using Akka.Actor;

namespace CallCluster.Actors.Hosting;

/// <summary>
/// Props that build the actor with a plain delegate: no expression compiled per call, which the
/// expression form of <see cref="Props.Create{TActor}(System.Linq.Expressions.Expression{Func{TActor}}, SupervisorStrategy)"/>
/// costs every time it is used. For the actors created per call (sessions, legs, per-mobile entries).
/// Local only: these props are never sent to another node.
/// </summary>
public static class DirectProps
{
    public static Props Of<TActor>(Func<TActor> create)
        where TActor : ActorBase =>
        Props.CreateBy(new Producer<TActor>(create));

    private sealed class Producer<TActor>(Func<TActor> create) : IIndirectActorProducer
        where TActor : ActorBase
    {
        public Type ActorType => typeof(TActor);

        public ActorBase Produce() => create();

        public void Release(ActorBase actor)
        {
        }
    }
}
