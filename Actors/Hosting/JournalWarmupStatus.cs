using Akka.Actor;

namespace CallCluster.Actors.Hosting;

/// <summary>
/// Whether this node's <see cref="JournalWarmup"/> has finished (recovered, or failed and left the
/// first real recovery to open the journal). Readiness waits for it on session nodes, so that a
/// restarted node is not counted ready, and the next node of a rolling restart not stopped, while
/// the journal's first-use cost would still fall on sessions taken over from a lost node.
/// </summary>
public sealed class JournalWarmupStatus : IExtension
{
    private int _finished;

    public bool IsFinished => Volatile.Read(ref _finished) == 1;

    public static JournalWarmupStatus Get(ActorSystem system) => system.WithExtension<JournalWarmupStatus, JournalWarmupStatusProvider>();

    internal void Finish() => Volatile.Write(ref _finished, 1);
}

/// <summary>Akka extension id of <see cref="JournalWarmupStatus"/>.</summary>
public sealed class JournalWarmupStatusProvider : ExtensionIdProvider<JournalWarmupStatus>
{
    public override JournalWarmupStatus CreateExtension(ExtendedActorSystem system) => new();
}
