using Akka.Actor;
using Akka.Cluster;

namespace CallCluster.Host.Hosting;

/// <summary>Answers /readyz: this node is Up in the cluster and the journal is reachable.</summary>
public sealed class NodeReadiness(JournalCheck journal)
{
    private volatile ActorSystem? _system;

    /// <summary>Called once the actor system has started.</summary>
    public void Attach(ActorSystem system) => _system = system;

    /// <summary>Null when ready, else a one-line reason.</summary>
    public async Task<string?> ProblemAsync(CancellationToken cancellation)
    {
        var system = _system;
        if (system is null)
        {
            return "actor system is starting";
        }
        if (system.WhenTerminated.IsCompleted)
        {
            return "actor system has terminated";
        }
        var self = Cluster.Get(system).SelfMember;
        if (self.Status != MemberStatus.Up)
        {
            return $"cluster member status is {self.Status}, not Up";
        }
        return await journal.ProblemAsync(cancellation);
    }
}
