using CallCluster.Actors.Serialization;

namespace CallCluster.Actors.Directory;

/// <summary>Serialisable form of <see cref="DirectoryState"/>: the snapshot and the replica sync payload.</summary>
public sealed record DirectoryStateData(
    IReadOnlyList<Subscriber> Subscribers,
    IReadOnlyList<HouseholdSpec> Households,
    IReadOnlyList<TrunkSpec> Trunks,
    long Version) : ICallClusterMessage;
