using Akka.Actor;
using Akka.Cluster;
using CallCluster.Actors.Health;
using CallCluster.Actors.Hosting;

namespace CallCluster.Host.Hosting;

/// <summary>Answers /readyz: this node is Up in the cluster, a session node has warmed its journal up, and the journal is reachable.</summary>
public sealed class NodeReadiness(JournalProbe journal)
{
    private volatile ActorSystem? _system;
    private volatile bool _provisioningPending;

    /// <summary>Called once the actor system has started.</summary>
    public void Attach(ActorSystem system) => _system = system;

    /// <summary>Not ready until the provisioning file has been applied.</summary>
    public void ProvisioningStarted() => _provisioningPending = true;

    public void ProvisioningDone() => _provisioningPending = false;

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
        if (_provisioningPending)
        {
            return "provisioning file is being loaded";
        }
        if (self.HasRole(NodeSettings.SessionRole) && !JournalWarmupStatus.Get(system).IsFinished)
        {
            return "journal warm-up has not finished";
        }
        var health = await journal.CheckAsync(cancellation);
        return health.Reachable ? null : $"journal unreachable: {health.Error?.ReplaceLineEndings(" ")}";
    }
}
