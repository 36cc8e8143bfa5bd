using System.Globalization;
using Npgsql;

namespace CallCluster.TestSupport;

/// <summary>
/// A real PostgreSQL server on a free loopback port with a `callcluster` database: initdb,
/// pg_ctl start, createdb; on dispose pg_ctl stop (else a kill of the postmaster by pid) and, for
/// a folder it made itself, deletion. As root every PostgreSQL program runs as the Debian
/// package's `postgres` user through runuser (the server refuses root). Throws, so the test
/// fails, when PostgreSQL is not installed.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(120);
    private readonly bool _ownsFolder;
    private string _bin = "";
    private bool _started;

    /// <summary>A server in a new folder under <paramref name="parent"/>, or in a temporary folder deleted on dispose.</summary>
    public PostgresServer(string? parent = null)
    {
        _ownsFolder = parent is null;
        Folder = parent is null
            ? Path.Combine(Path.GetTempPath(), $"cc-pg-{Guid.NewGuid():N}")
            : Path.Combine(parent, "pg");
    }

    public string Folder { get; }

    public int Port { get; } = FreePorts.Tcp();

    public string ConnectionString =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database=callcluster;Timeout=5;Command Timeout=10";

    private string DataFolder => Path.Combine(Folder, "data");

    private static bool IsRoot => Environment.IsPrivilegedProcess;

    /// <summary>Starts a server (see the constructor); on failure everything started is stopped again.</summary>
    public static async Task<PostgresServer> StartAsync(string? parent = null)
    {
        var server = new PostgresServer(parent);
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

    public async Task InitializeAsync()
    {
        _bin = FindBin();
        Directory.CreateDirectory(Folder);
        if (IsRoot)
        {
            await ChildProcess.RunCheckedAsync("chown", ["postgres:postgres", Folder], Folder, CommandTimeout);
        }
        await RunAsync("initdb", ["-D", DataFolder, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync", "--no-instructions"]);
        await RunAsync("pg_ctl",
        [
            "-D", DataFolder, "-l", Path.Combine(Folder, "server.log"), "-w", "-t", "60",
            "-o", $"-p {Port} -k {Folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200",
            "start",
        ]);
        _started = true;
        await RunAsync("createdb", ["-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "callcluster"]);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_started)
        {
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
        if (_ownsFolder && Directory.Exists(Folder))
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // left for the temporary folder's cleaner
            }
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
            ? ChildProcess.RunCheckedAsync("runuser", ["-u", "postgres", "--", path, .. arguments], Folder, CommandTimeout)
            : ChildProcess.RunCheckedAsync(path, arguments, Folder, CommandTimeout);
    }
}
