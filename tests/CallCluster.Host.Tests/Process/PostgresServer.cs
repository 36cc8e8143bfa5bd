using Npgsql;

namespace CallCluster.Host.Tests.Process;

/// <summary>
/// A real PostgreSQL server in a temporary folder on a free loopback port: initdb, pg_ctl start,
/// and on Dispose pg_ctl stop (then kill by pid if needed) and delete the folder. PostgreSQL refuses
/// to run as root, so as root the server runs as the Debian package's `postgres` user through runuser.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(120);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"cc-pg-{Guid.NewGuid():N}");
    private string _bin = "";
    private bool _started;

    public int Port { get; } = FreePorts.Tcp();

    public string ConnectionString =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database=callcluster;Pooling=true;Timeout=5;Command Timeout=10";

    private string DataFolder => Path.Combine(_folder, "data");

    private static bool IsRoot => Environment.UserName == "root";

    public async Task InitializeAsync()
    {
        _bin = FindBin();
        Directory.CreateDirectory(_folder);
        if (IsRoot)
        {
            await RunAsync("chown", ["postgres:postgres", _folder], asPostgres: false);
        }
        await RunAsync(Path.Combine(_bin, "initdb"), ["-D", DataFolder, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync", "--no-instructions"]);
        await RunAsync(Path.Combine(_bin, "pg_ctl"),
        [
            "-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60",
            "-o", $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100",
            "start",
        ]);
        _started = true;

        await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("CREATE DATABASE callcluster", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_started)
        {
            try
            {
                await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", DataFolder, "-m", "immediate", "-w", "-t", "30", "stop"]);
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException)
            {
                KillPostmaster();
            }
        }
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>The newest /usr/lib/postgresql/N/bin with initdb; throws (the test fails) when PostgreSQL is not installed.</summary>
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
            catch (ArgumentException)
            {
                // already gone
            }
        }
    }

    private async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres = true)
    {
        var (file, args) = asPostgres && IsRoot
            ? ("runuser", (IEnumerable<string>)["-u", "postgres", "--", program, .. arguments])
            : (program, arguments);
        using var process = await ChildProcess.RunAsync(file, args, _folder, CommandTimeout);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {process.StandardOutput} {process.StandardError}");
        }
    }
}
