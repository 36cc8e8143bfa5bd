using System.Globalization;

namespace CallCluster.Chaos.Tests.Cluster;

/// <summary>
/// Cuts one node's cluster (Akka remoting) connections to the others with iptables rules on
/// loopback, both ways: packets to and from its cluster port (the connections the others open to
/// it), and packets its own user sends to the others' cluster ports (the connections it opens;
/// the node must run under its own user id, see LocalCluster's ownUsers). SIP, RTP, HTTP and the
/// journal are left alone. Dispose removes exactly the rules it added. Needs root and iptables:
/// without them it fails, it never skips.
/// </summary>
public sealed class Partition : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(20);
    private readonly List<string[]> _rules = [];

    private Partition()
    {
    }

    /// <summary>When the last rule was in place.</summary>
    public DateTimeOffset At { get; private set; }

    public static async Task<Partition> IsolateAsync(ClusterNode node, IEnumerable<ClusterNode> others)
    {
        var uid = node.RunAsUid ?? throw new InvalidOperationException($"node {node.Number} must run under its own user id to be isolated");
        var inv = CultureInfo.InvariantCulture;
        var port = node.ClusterPort.ToString(inv);
        var ports = string.Join(',', others.Select(o => o.ClusterPort.ToString(inv)));
        var tag = $"cc-chaos-partition-{port}";
        var partition = new Partition();
        string[][] rules =
        [
            ["-o", "lo", "-p", "tcp", "--dport", port, "-m", "comment", "--comment", tag, "-j", "DROP"],
            ["-o", "lo", "-p", "tcp", "--sport", port, "-m", "comment", "--comment", tag, "-j", "DROP"],
            ["-o", "lo", "-p", "tcp", "-m", "owner", "--uid-owner", uid.ToString(inv), "-m", "multiport", "--dports", ports, "-m", "comment", "--comment", tag, "-j", "DROP"],
        ];
        try
        {
            foreach (var rule in rules)
            {
                await IptablesAsync(["-w", "5", "-I", "OUTPUT", .. rule]);
                partition._rules.Add(rule);
            }
        }
        catch
        {
            await partition.DisposeAsync();
            throw;
        }
        partition.At = DateTimeOffset.UtcNow;
        return partition;
    }

    /// <summary>Removes the rules (the partition heals).</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var rule in _rules)
        {
            await IptablesAsync(["-w", "5", "-D", "OUTPUT", .. rule]);
        }
        _rules.Clear();
    }

    private static Task IptablesAsync(IReadOnlyList<string> arguments) =>
        ChildProcess.RunCheckedAsync("iptables", arguments, Path.GetTempPath(), CommandTimeout);
}
