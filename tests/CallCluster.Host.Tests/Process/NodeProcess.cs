using System.Net;
using System.Net.Http.Json;

namespace CallCluster.Host.Tests.Process;

/// <summary>
/// A real `callcluster run` process on free loopback ports in its own working folder, with an
/// HTTP client for its API. Killed by id on Dispose.
/// </summary>
public sealed class NodeProcess : IDisposable
{
    public static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(90);
    public static readonly TimeSpan StopWithin = TimeSpan.FromSeconds(45);

    private NodeProcess(ChildProcess process, int httpPort)
    {
        Process = process;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(20) };
    }

    public ChildProcess Process { get; }

    public HttpClient Http { get; }

    /// <summary>Starts a node; <paramref name="settings"/> are extra --Section:Key=value arguments.</summary>
    public static NodeProcess Start(string workingDirectory, string connectionString, params string[] settings)
    {
        var httpPort = FreePorts.Tcp();
        string[] arguments =
        [
            RepositoryPaths.CallClusterDll(), "run",
            $"--Http:Listen=http://127.0.0.1:{httpPort}",
            $"--Cluster:Port={FreePorts.Tcp()}",
            $"--Sip:Listen:0=udp:127.0.0.1:{FreePorts.Udp()}",
            $"--Persistence:ConnectionString={connectionString}",
            .. settings,
        ];
        var process = ChildProcess.Start("dotnet", arguments, workingDirectory, environment: new Dictionary<string, string>
        {
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
        });
        return new NodeProcess(process, httpPort);
    }

    /// <summary>Polls /readyz until 200; fails with the last answer and the node's output otherwise.</summary>
    public async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow + ReadyWithin;
        var last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(Process.HasExited, $"node exited with {(Process.HasExited ? Process.ExitCode : 0)} before ready: {Output()}");
            try
            {
                using var response = await Http.GetAsync("/readyz");
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            await Task.Delay(250);
        }
        Assert.Fail($"/readyz not 200 within {ReadyWithin}: last {last}; output: {Output()}");
    }

    /// <summary>Sends SIGTERM and returns the exit code, failing when the node does not stop in time.</summary>
    public async Task<int> TerminateAsync()
    {
        Process.Terminate();
        Assert.True(await Process.WaitForExitAsync(StopWithin), $"node did not stop within {StopWithin} of SIGTERM: {Output()}");
        return Process.ExitCode;
    }

    public async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }
        using var response = await Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public Task<T?> GetJsonAsync<T>(string path) => Http.GetFromJsonAsync<T>(path);

    public string Output() => $"stdout: {Tail(Process.StandardOutput)} stderr: {Tail(Process.StandardError)}";

    public void Dispose()
    {
        Http.Dispose();
        Process.Dispose();
    }

    private static string Tail(string text) => text.Length > 6000 ? text[^6000..] : text;
}
