namespace CallCluster.Interop.Tests.Infrastructure;

/// <summary>Interop tests start callcluster and SIPp processes on fixed trunk addresses: one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class InteropCollection
{
    public const string Name = "interop";
}
