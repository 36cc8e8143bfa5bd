namespace CallCluster.Host.Tests.Process;

/// <summary>Tests that start callcluster or PostgreSQL processes run one at a time (the machine has 2 cores).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessCollection
{
    public const string Name = "processes";
}
