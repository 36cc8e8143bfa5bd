namespace CallCluster.Chaos.Tests.Cluster;

/// <summary>
/// A PostgreSQL server in <see cref="Folder"/> on a free loopback port: initdb, pg_ctl start,
/// createdb callcluster; on Dispose pg_ctl stop (or kill of the postmaster by pid). As root
/// every PostgreSQL program runs as the `postgres` system user (the server refuses root).
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);
    private readonly string _bin;
    private bool _started;

    private PostgresServer(string folder, string bin)
    {
        Folder = folder;
        _bin = bin;
    }

    public string Folder { get; }

    public int Port { get; } = FreePorts.Tcp();

    public string ConnectionString =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database=callcluster;Timeout=5;Command Timeout=10";

    private string DataFolder => Path.Combine(Folder, "data");

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>Starts a server in a new folder under <paramref name="parent"/>; throws (the test fails) when PostgreSQL is missing.</summary>
    public static async Task<PostgresServer> StartAsync(string parent)
    {
        var server = new PostgresServer(Path.Combine(parent, "pg"), FindBin());
        try
        {
            await server.InitializeAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        if (IsRoot)
        {
            await ChildProcess.RunAsync("chown", ["postgres:postgres", Folder], Folder, CommandTimeout);
        }
        await RunAsync("initdb", ["-D", DataFolder, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync", "--no-instructions"]);
        await RunAsync("pg_ctl",
        [
            "-D", DataFolder, "-l", Path.Combine(Folder, "server.log"), "-w", "-t", "60",
            "-o", $"-p {Port} -k {Folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200",
            "start",
        ]);
        _started = true;
        await RunAsync("createdb", ["-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", "callcluster"]);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_started)
        {
            return;
        }
        _started = false;
        try
        {
            await RunAsync("pg_ctl", ["-D", DataFolder, "-m", "immediate", "-w", "-t", "30", "stop"]);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            KillPostmaster();
        }
    }

    /// <summary>The newest /usr/lib/postgresql/N/bin holding initdb.</summary>
    private static string FindBin()
    {
        const string root = "/usr/lib/postgresql";
        var bin = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return bin ?? throw new InvalidOperationException(
            $"PostgreSQL is not installed: no {root}/<version>/bin/initdb (apt-get install postgresql; scripts/test.sh does it)");
    }

    private void KillPostmaster()
    {
        var pidFile = Path.Combine(DataFolder, "postmaster.pid");
        if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid))
        {
            try
            {
                using var postmaster = System.Diagnostics.Process.GetProcessById(pid);
                postmaster.Kill(entireProcessTree: true);
                postmaster.WaitForExit(10_000);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // already gone
            }
        }
    }

    private Task RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var path = Path.Combine(_bin, program);
        return IsRoot
            ? ChildProcess.RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments], Folder, CommandTimeout)
            : ChildProcess.RunAsync(path, arguments, Folder, CommandTimeout);
    }
}
