using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CallCluster.Actors.Tests.Support;

/// <summary>
/// A throw-away PostgreSQL server: <c>initdb</c> into a temporary folder, <c>pg_ctl start</c> on
/// 127.0.0.1 and a free port, trust authentication, stopped and deleted on dispose. Runs the
/// server as the <c>postgres</c> user when the tests run as root (PostgreSQL refuses root).
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "callcluster-pg-" + Guid.NewGuid().ToString("N"));
    private bool _started;

    public string ConnectionString { get; private set; } = "";

    private string Data => Path.Combine(_folder, "data");

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(_folder);
        if (Environment.IsPrivilegedProcess)
        {
            await RunAsync("chown", ["-R", "postgres", _folder], asPostgres: false);
        }

        await RunAsync("initdb", ["-D", Data, "-U", "callcluster", "--auth=trust", "-E", "UTF8", "--no-sync"]);
        var port = FreePort();
        var options = $"-p {port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off";
        await RunAsync("pg_ctl", ["-D", Data, "-o", options, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "30", "start"]);
        _started = true;
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=callcluster;Database=postgres;Timeout=5";
    }

    public async Task DisposeAsync()
    {
        if (_started)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await RunAsync("pg_ctl", ["-D", Data, "-m", "immediate", "-w", "-t", "30", "stop"]);
        }

        try
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres = true)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (asPostgres && Environment.IsPrivilegedProcess)
        {
            start.FileName = "runuser";
            foreach (var a in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(a);
            }
        }
        else
        {
            start.FileName = program;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        using var timeout = new CancellationTokenSource(CommandTimeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} exited with {process.ExitCode}: {await error} {await output}");
        }
    }
}
