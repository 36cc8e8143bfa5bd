namespace CallCluster.Chaos.Tests.Cluster;

/// <summary>Recognises Akka cluster membership changes in a node's log lines.</summary>
public static class ClusterLog
{
    /// <summary>The leader moved <paramref name="address"/> to Up.</summary>
    public static bool IsMovedToUp(string line, string address) =>
        line.Contains($"Leader is moving node [{address}] to [Up]", StringComparison.Ordinal);

    /// <summary>The leader removed <paramref name="address"/> from the membership (after it was downed).</summary>
    public static bool IsRemoved(string line, string address) =>
        line.Contains("Leader is removing", StringComparison.Ordinal) && line.Contains($" node [{address}]", StringComparison.Ordinal);

    /// <summary>A member marked <paramref name="address"/> unreachable (failure detected).</summary>
    public static bool IsUnreachable(string line, string address) =>
        line.Contains("UNREACHABLE", StringComparison.Ordinal) && line.Contains($"address = {address}", StringComparison.Ordinal);

    /// <summary>The split brain resolver decided to down <paramref name="address"/>.</summary>
    public static bool IsDowned(string line, string address) =>
        (line.Contains("SBR took decision", StringComparison.Ordinal) && line.Contains($"downing [{address}]", StringComparison.Ordinal))
        || IsPartitionDowned(line, address);

    /// <summary>A member downed <paramref name="address"/> by keep-majority exactly stable-after after the partition settled.</summary>
    public static bool IsPartitionDowned(string line, string address) =>
        line.Contains("/user/partition-downing]", StringComparison.Ordinal)
        && line.Contains(" side [", StringComparison.Ordinal)
        && line[line.IndexOf(" side [", StringComparison.Ordinal)..].Contains(address, StringComparison.Ordinal);

    /// <summary>A member downed <paramref name="address"/> because its cluster port refused connections (its process exited).</summary>
    public static bool IsCrashDowned(string line, string address) =>
        line.Contains($"Downing {address}: its cluster port refuses connections", StringComparison.Ordinal);

    /// <summary>A member found <paramref name="address"/> gone: unreachable, or downed because its port refused connections.</summary>
    public static bool IsLost(string line, string address) => IsUnreachable(line, address) || IsCrashDowned(line, address);
}
