using static CallCluster.Actors.Directory.DirectoryEvents;
using static CallCluster.Actors.Directory.DirectoryReplies;

namespace CallCluster.Actors.Directory;

/// <summary>What a command leads to: events to persist (maybe none) and the reply to send after them.</summary>
public sealed record DirectoryDecision(IReadOnlyList<IDirectoryEvent> Events, IDirectoryReply Reply)
{
    public static DirectoryDecision Answer(IDirectoryReply reply) => new([], reply);

    public static DirectoryDecision Persist(IDirectoryEvent e, IDirectoryReply reply) => new([e], reply);
}
