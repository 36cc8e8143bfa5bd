namespace CallCluster.Actors.Membership;

/// <summary>A member as the partition rules see it: its address, whether it is Up, and whether any member finds it unreachable.</summary>
public sealed record PartitionMember(string Address, bool Up, bool Unreachable);

/// <summary>What this node does once the set of unreachable members has stayed the same for stable-after.</summary>
public enum PartitionVerdictKind
{
    /// <summary>Nothing from here: the split brain resolver decides, on its own tick.</summary>
    LeaveToResolver,

    /// <summary>This side is the strict majority and this node its leader: down the unreachable members.</summary>
    DownUnreachable,

    /// <summary>This side is the strict minority and this node its leader: down this side, this node included.</summary>
    DownReachable,
}

/// <summary>The decision and the members it downs (empty unless something is downed).</summary>
public sealed record PartitionVerdict(PartitionVerdictKind Kind, IReadOnlyList<string> Down, string Reason)
{
    public static PartitionVerdict Leave(string reason) => new(PartitionVerdictKind.LeaveToResolver, [], reason);
}

/// <summary>
/// Keep-majority, taken as soon as the unreachable set has been stable for stable-after. The split
/// brain resolver takes the same decision, but only on its one-second tick, so up to a second later
/// and at a different moment on each side of a partition. These rules act only in the plain case,
/// where both sides reach the same decision independently: every member Up (no one joining or
/// leaving), this node reachable from everyone it can hear from, this node the leader of its side,
/// and the two sides of different sizes. Everything else (ties, members in transition, this node
/// itself reported unreachable) is left to the resolver, whose rules cover it.
/// </summary>
public static class PartitionDowningRules
{
    /// <param name="self">This node's address.</param>
    /// <param name="leader">The leader among the members this node reaches, as this node sees it.</param>
    /// <param name="members">The membership as this node sees it.</param>
    public static PartitionVerdict Decide(string self, string? leader, IReadOnlyCollection<PartitionMember> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var unreachable = members.Where(m => m.Unreachable).Select(m => m.Address).ToList();
        if (unreachable.Count == 0)
        {
            return PartitionVerdict.Leave("every member is reachable");
        }

        if (members.Any(m => !m.Up))
        {
            return PartitionVerdict.Leave("a member is joining, leaving or down");
        }

        var me = members.FirstOrDefault(m => string.Equals(m.Address, self, StringComparison.Ordinal));
        if (me is null || me.Unreachable)
        {
            return PartitionVerdict.Leave("this node is not a reachable member");
        }

        if (!string.Equals(leader, self, StringComparison.Ordinal))
        {
            return PartitionVerdict.Leave("this node does not lead its side");
        }

        var reachable = members.Where(m => !m.Unreachable).Select(m => m.Address).ToList();
        if (reachable.Count * 2 > members.Count)
        {
            return new PartitionVerdict(PartitionVerdictKind.DownUnreachable, unreachable, $"this side has {reachable.Count} of {members.Count} members");
        }

        return reachable.Count * 2 < members.Count
            ? new PartitionVerdict(PartitionVerdictKind.DownReachable, reachable, $"this side has only {reachable.Count} of {members.Count} members")
            : PartitionVerdict.Leave("both sides have half of the members");
    }
}
