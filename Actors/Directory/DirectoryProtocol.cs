using CallCluster.Actors.Serialization;
using static CallCluster.Actors.Directory.DirectoryCommands;
using static CallCluster.Actors.Directory.DirectoryEvents;
using static CallCluster.Actors.Directory.DirectoryReplies;

namespace CallCluster.Actors.Directory;

/// <summary>Messages between the per-node replicas and the directory singleton.</summary>
public static class DirectoryProtocol
{
    /// <summary>DistributedPubSub topic carrying <see cref="DirectoryUpdated"/>.</summary>
    public const string Topic = "callcluster-directory";

    /// <summary>A provisioning command forwarded by a replica to the singleton.</summary>
    public sealed record DirectoryRequest(IDirectoryCommand Command) : ICallClusterMessage;

    /// <summary>The singleton's answer: the reply plus the events it persisted, ending at <paramref name="Version"/>.</summary>
    public sealed record DirectoryResponse(IDirectoryReply Reply, long Version, IReadOnlyList<IDirectoryEvent> Events)
        : ICallClusterMessage;

    /// <summary>Published after every persisted change; events end at <paramref name="Version"/>.</summary>
    public sealed record DirectoryUpdated(long Version, IReadOnlyList<IDirectoryEvent> Events) : ICallClusterMessage;

    /// <summary>A replica asks for the full state unless it already holds <paramref name="KnownVersion"/>.</summary>
    public sealed record DirectorySyncRequest(long KnownVersion) : ICallClusterMessage;

    /// <summary>The replica is current.</summary>
    public sealed record DirectoryUpToDate(long Version) : ICallClusterMessage;
}
