namespace CallCluster.Actors.Directory;

/// <summary>Immutable view of the directory for the call path; no journal read per lookup.</summary>
public sealed partial class DirectorySnapshot
{
    public static DirectorySnapshot Empty { get; } = new();
}
