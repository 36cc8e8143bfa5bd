using System.Globalization;

namespace CallCluster.Chaos.Tests.Cluster;

/// <summary>
/// PostgreSQL plus N `callcluster run` processes on loopback, each with its own cluster, HTTP
/// and RTP ports, all sharing the journal and the first (up to three) nodes as seeds. Dispose
/// kills every process it started, by id, stops PostgreSQL and removes the run folder.
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private const int RtpSpan = 200;
    private readonly List<ClusterNode> _nodes = [];
    private readonly HashSet<int> _killed = [];
    private IReadOnlyList<string> _seeds = [];
    private PostgresServer? _postgres;

    private LocalCluster(string folder)
    {
        Folder = folder;
    }

    /// <summary>The run folder: PostgreSQL data and one log per node (node-N.log).</summary>
    public string Folder { get; }

    public IReadOnlyList<ClusterNode> Nodes => _nodes;

    public PostgresServer Postgres => _postgres ?? throw new InvalidOperationException("PostgreSQL not started");

    /// <summary>Node <paramref name="number"/> (1-based).</summary>
    public ClusterNode this[int number] => _nodes[number - 1];

    /// <summary>
    /// Starts PostgreSQL and the nodes (<paramref name="roles"/>: as <see cref="RolesOf"/> reads
    /// it); each node has its own SIP port. Returns once every node's /readyz is 200 and the cluster has every node Up.</summary>
    /// <param name="sharedSip">true: every node binds one SIP port with SO_REUSEPORT (Sip:ReusePort), as gateway pods behind one Service.</param>
    /// <param name="ownUsers">true: node N runs as user and group id <see cref="FirstUid"/> + N, from a world-readable copy of the build output, so that a <see cref="Partition"/> can cut it off.</param>
    public static async Task<LocalCluster> StartAsync(int count, string roles = "gateway,session,media", bool sharedSip = false, bool ownUsers = false)
    {
        var cluster = new LocalCluster(Path.Combine(Path.GetTempPath(), $"cc-chaos-{Guid.NewGuid():N}"));
        Directory.CreateDirectory(cluster.Folder);
        try
        {
            await cluster.StartAllAsync(count, roles, sharedSip, ownUsers);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    private async Task StartAllAsync(int count, string roles, bool sharedSip, bool ownUsers)
    {
        _dll = ownUsers ? CopyBuildOutput() : RepositoryPaths.CallClusterDll();
        _postgres = await PostgresServer.StartAsync(Folder);
        var shared = FreePorts.TcpAndUdp();
        for (var i = 1; i <= count; i++)
        {
            var rtp = FreePorts.UdpRange(RtpSpan);
            _nodes.Add(new ClusterNode(i, RolesOf(roles, i), FreePorts.Tcp(), FreePorts.Tcp(), sharedSip ? shared : FreePorts.TcpAndUdp(), rtp, rtp + RtpSpan - 1,
                Path.Combine(Folder, string.Create(CultureInfo.InvariantCulture, $"node-{i}.log")), sharedSip)
            {
                RunAsUid = ownUsers ? FirstUid + i : null,
            });
        }
        _seeds = _nodes.Take(3).Select(n => n.Address).ToList();
        var seeds = _seeds;
        // One node at a time (the first alone creates the journal tables; concurrent creation races): processes starting together on a small machine compete for the CPU
        // while they compile, long enough to miss heartbeats of a failure detector tuned for calls.
        foreach (var node in _nodes)
        {
            node.Start(_dll, seeds, Postgres.ConnectionString, WorkingDirectory(node));
            await WaitUntilAsync(() => node.IsReadyAsync(), StartTimeout, $"node {node.Number} ready");
        }
        await WaitUntilAsync(() => Task.FromResult(Members().Count == count), StartTimeout, $"{count} members Up");
    }

    /// <summary>User and group ids of nodes started with ownUsers are this plus the node's number.</summary>
    public const int FirstUid = 61000;

    private const UnixFileMode Readable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private string _dll = "";

    /// <summary>The build output copied into the run folder, readable by every user; returns the copy's callcluster.dll.</summary>
    private string CopyBuildOutput()
    {
        var source = Path.GetDirectoryName(RepositoryPaths.CallClusterDll())!;
        var target = Path.Combine(Folder, "app");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("nodes under their own user ids need Linux");
        }
        foreach (var path in Directory.EnumerateFileSystemEntries(Folder, "*", SearchOption.AllDirectories).Append(Folder))
        {
            File.SetUnixFileMode(path, Directory.Exists(path) ? Readable | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute : Readable);
        }
        return Path.Combine(target, "callcluster.dll");
    }

    /// <summary>The run folder, or for a node with its own user a folder of its own that it may write.</summary>
    private string WorkingDirectory(ClusterNode node)
    {
        if (node.RunAsUid is null)
        {
            return Folder;
        }
        var folder = Path.Combine(Folder, string.Create(CultureInfo.InvariantCulture, $"node-{node.Number}"));
        Directory.CreateDirectory(folder);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, (UnixFileMode)0x1FF);
        }
        return folder;
    }

    /// <summary>Roles of node <paramref name="number"/>: entries separated by ';', one per node, the last repeating.</summary>
    public static string RolesOf(string roles, int number)
    {
        var entries = roles.Split(';');
        return entries[Math.Min(number, entries.Length) - 1];
    }

    /// <summary>
    /// Addresses the cluster leaders have logged as moved to Up and not removed since, read
    /// from every node's output (the HTTP API does not expose membership).
    /// </summary>
    public IReadOnlySet<string> Members()
    {
        var members = new HashSet<string>(StringComparer.Ordinal);
        var events = _nodes
            .Where(n => n.ProcessId is not null)
            .SelectMany(n => n.Process.Lines)
            .OrderBy(l => l.At);
        foreach (var (_, line, _) in events)
        {
            foreach (var node in _nodes)
            {
                if (!line.Contains(node.Address + "]", StringComparison.Ordinal))
                {
                    continue;
                }
                if (ClusterLog.IsMovedToUp(line, node.Address))
                {
                    members.Add(node.Address);
                }
                else if (ClusterLog.IsRemoved(line, node.Address))
                {
                    members.Remove(node.Address);
                }
            }
        }
        return members;
    }

    /// <summary>The arrival time of the first line from a running node, after <paramref name="since"/>, that matches.</summary>
    public DateTimeOffset? FirstLine(DateTimeOffset since, Func<string, bool> match) =>
        _nodes.Where(n => n.IsRunning)
            .SelectMany(n => n.Process.Lines)
            .Where(l => l.At >= since && match(l.Line))
            .Select(l => (DateTimeOffset?)l.At)
            .Min();

    /// <summary>When a running node logged the removal of node <paramref name="number"/> (the latest), or null.</summary>
    public DateTimeOffset? RemovedAt(int number) =>
        _nodes.Where(n => n.IsRunning)
            .SelectMany(n => n.Process.Lines)
            .Where(l => ClusterLog.IsRemoved(l.Line, this[number].Address))
            .Select(l => (DateTimeOffset?)l.At)
            .Max();

    /// <summary>Polls <paramref name="condition"/> every 100 ms; throws with every node's output tail when it stays false.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }
            var dead = _nodes.FirstOrDefault(n => n.ProcessId is not null && !n.IsRunning && !_killed.Contains(n.Number));
            if (dead is not null)
            {
                throw new InvalidOperationException(
                    $"node {dead.Number} exited ({dead.Process.ExitCode}) while waiting for {what}:\n{Tail(dead)}\n--- membership lines of every node:\n{MembershipLines()}");
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"not reached within {timeout.TotalSeconds:0} s: {what}\n{string.Join("\n", _nodes.Select(Tail))}");
    }

    /// <summary>
    /// Starts node <paramref name="number"/> again (after a kill or stop) with the same ports and
    /// seeds; returns once its /readyz is 200 and the leaders logged it Up again.
    /// </summary>
    public async Task RestartAsync(int number)
    {
        var node = this[number];
        var since = DateTimeOffset.UtcNow;
        node.Start(_dll, _seeds, Postgres.ConnectionString, WorkingDirectory(node));
        _killed.Remove(number);
        await WaitUntilAsync(() => node.IsReadyAsync(), StartTimeout, $"node {number} ready again");
        await WaitUntilAsync(
            () => Task.FromResult(_nodes.Where(n => n.IsRunning).SelectMany(n => n.Process.Lines).Any(l => l.At >= since && ClusterLog.IsMovedToUp(l.Line, node.Address))),
            StartTimeout,
            $"node {number} Up again");
    }

    /// <summary>SIGTERM of node <paramref name="number"/>; the time it took to exit, or null when it did not within <paramref name="timeout"/> (then it is killed).</summary>
    public async Task<TimeSpan?> TerminateAsync(int number, TimeSpan timeout)
    {
        _killed.Add(number);
        var at = DateTimeOffset.UtcNow;
        if (await this[number].TerminateAsync(timeout))
        {
            return DateTimeOffset.UtcNow - at;
        }
        this[number].Kill();
        return null;
    }

    /// <summary>Node <paramref name="number"/> is expected to exit by itself (a minority that downs itself): waits no longer fail on it.</summary>
    public void ExpectExit(int number) => _killed.Add(number);

    /// <summary>kill -9 of node <paramref name="number"/>; returns the moment of the kill.</summary>
    public DateTimeOffset Kill(int number)
    {
        _killed.Add(number);
        var at = DateTimeOffset.UtcNow;
        this[number].Kill();
        return at;
    }

    /// <summary>The last 40 lines of any node about reachability, downing, removal or errors, in arrival order.</summary>
    public string MembershipLines()
    {
        string[] marks = ["nreachable", "SBR", "own", "emoved", "eaving", "xiting", "fail:", "crit:"];
        return string.Join("\n", _nodes.Where(n => n.ProcessId is not null)
            .SelectMany(n => n.Process.Lines.Select(l => (n.Number, l.At, l.Line)))
            .Where(l => marks.Any(m => l.Line.Contains(m, StringComparison.Ordinal)))
            .OrderBy(l => l.At)
            .TakeLast(40)
            .Select(l => $"[node {l.Number}] {(l.Line.Length > 400 ? l.Line[..400] : l.Line)}"));
    }

    private static string Tail(ClusterNode node) =>
        node.ProcessId is null
            ? $"--- node {node.Number}: not started"
            : $"--- node {node.Number} (pid {node.ProcessId}, log {node.LogFile}):\n"
              + string.Join("\n", node.Process.Lines.TakeLast(25).Select(l => l.Line));

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            node.Dispose();
        }
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
        if (Environment.GetEnvironmentVariable("CHAOS_KEEP_RUN_FOLDER") == "1")
        {
            return;
        }
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // best effort: a file still held open is left in the temp folder
        }
    }
}
