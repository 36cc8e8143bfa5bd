namespace CallCluster.Actors.Membership;

/// <summary>A member as the rules see it: its address and whether it is up, leaving or already on its way out.</summary>
public sealed record MemberView(string Address, MemberPhase Phase, bool Unreachable);

/// <summary>The part of a member's status that matters for downing it.</summary>
public enum MemberPhase
{
    /// <summary>Joining, WeaklyUp or Up: a crash must be handled by downing it.</summary>
    Serving,

    /// <summary>Leaving: shutting down gracefully; left to the normal exit.</summary>
    Leaving,

    /// <summary>Exiting, Down or Removed: already on its way out.</summary>
    Gone,
}

/// <summary>What to do about a member whose cluster port refused a connection.</summary>
public enum CrashVerdict
{
    /// <summary>Down it now.</summary>
    Down,

    /// <summary>Not a serving member (unknown, leaving or already out): nothing to do.</summary>
    NotServing,

    /// <summary>The refusal concerns this node itself: never down self from here.</summary>
    Self,

    /// <summary>
    /// This node and the members it still reaches are not a strict majority: the split brain
    /// resolver decides (a firewall that rejects could make the minority see refusals too).
    /// </summary>
    NoMajority,
}

/// <summary>
/// When may a node down a member whose cluster port refuses connections? A refusal (TCP reset)
/// means nothing listens on that address, so the member's process has exited: downing it cannot
/// split the cluster, and saves the failure detector's pause and the resolver's stable-after.
/// The only way a live member could look refused is a firewall rule that rejects with a reset;
/// so a node acts only while it and the members it still considers healthy are a strict majority
/// of the serving and leaving members, exactly the side keep-majority would keep.
/// </summary>
public static class CrashDowningRules
{
    /// <param name="self">This node's address.</param>
    /// <param name="candidate">The member whose port refused.</param>
    /// <param name="members">The current membership as this node sees it.</param>
    /// <param name="confirmedDead">Other members whose ports refused recently (counted as failed).</param>
    public static CrashVerdict Decide(
        string self, string candidate, IReadOnlyCollection<MemberView> members, IReadOnlySet<string> confirmedDead)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(confirmedDead);
        if (string.Equals(self, candidate, StringComparison.Ordinal))
        {
            return CrashVerdict.Self;
        }

        var target = members.FirstOrDefault(m => string.Equals(m.Address, candidate, StringComparison.Ordinal));
        if (target is null || target.Phase != MemberPhase.Serving)
        {
            return CrashVerdict.NotServing;
        }

        var counted = members.Where(m => m.Phase != MemberPhase.Gone).ToList();
        var healthy = counted.Count(m =>
            !m.Unreachable
            && !string.Equals(m.Address, candidate, StringComparison.Ordinal)
            && !confirmedDead.Contains(m.Address));
        var selfHealthy = counted.Any(m => string.Equals(m.Address, self, StringComparison.Ordinal) && !m.Unreachable);
        return selfHealthy && healthy * 2 > counted.Count ? CrashVerdict.Down : CrashVerdict.NoMajority;
    }
}
