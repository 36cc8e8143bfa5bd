using System.Globalization;

namespace CallCluster.Chaos.Tests.Cluster;

/// <summary>One `callcluster run` process of a <see cref="LocalCluster"/>, with its ports.</summary>
public sealed class ClusterNode : IDisposable
{
    private ChildProcess? _process;

    public ClusterNode(int number, string roles, int clusterPort, int httpPort, int sipPort, int rtpLow, int rtpHigh, string logFile, bool reusePort = false)
    {
        ReusePort = reusePort;
        SipPort = sipPort;
        Number = number;
        Roles = roles;
        ClusterPort = clusterPort;
        HttpPort = httpPort;
        RtpLow = rtpLow;
        RtpHigh = rtpHigh;
        LogFile = logFile;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public int Number { get; }

    public string Roles { get; }

    public int ClusterPort { get; }

    public int HttpPort { get; }

    /// <summary>UDP and TCP port of the SIP listener (gateway nodes).</summary>
    public int SipPort { get; }

    /// <summary>True: the SIP port is shared with other gateway nodes (Sip:ReusePort).</summary>
    public bool ReusePort { get; }

    public int RtpLow { get; }

    public int RtpHigh { get; }

    public string LogFile { get; }

    public HttpClient Http { get; }

    /// <summary>
    /// When set, the process runs under this user and group id (setpriv), so packet filters can
    /// single out the connections it opens (<see cref="Partition"/>).
    /// </summary>
    public int? RunAsUid { get; init; }

    /// <summary>The Akka address other members know this node by.</summary>
    public string Address => $"akka.tcp://callcluster@127.0.0.1:{ClusterPort}";

    public bool IsRunning => _process is { HasExited: false };

    public int? ProcessId => _process?.Id;

    public ChildProcess Process => _process ?? throw new InvalidOperationException($"node {Number} was not started");

    /// <summary>Starts the process (again, after a kill or stop: the previous one is disposed first).</summary>
    public void Start(string dll, IReadOnlyList<string> seeds, string connectionString, string workingDirectory)
    {
        var inv = CultureInfo.InvariantCulture;
        _process?.Dispose();
        List<string> prefix = RunAsUid is { } uid
            ?
            [
                string.Create(inv, $"--reuid={uid}"), string.Create(inv, $"--regid={uid}"), "--clear-groups",
                "env", $"HOME={workingDirectory}", $"DOTNET_CLI_HOME={workingDirectory}", "dotnet",
            ]
            : [];
        _process = ChildProcess.Start(RunAsUid is null ? "dotnet" : "setpriv",
        [
            .. prefix,
            dll, "run",
            $"--Node:Roles={Roles}",
            "--Cluster:Hostname=127.0.0.1",
            string.Create(inv, $"--Cluster:Port={ClusterPort}"),
            $"--Cluster:Seeds={string.Join(',', seeds)}",
            string.Create(inv, $"--Http:Listen=http://127.0.0.1:{HttpPort}"),
            string.Create(inv, $"--Media:RtpPortRange={RtpLow}-{RtpHigh}"),
            string.Create(inv, $"--Sip:Listen=udp:127.0.0.1:{SipPort},tcp:127.0.0.1:{SipPort}"),
            string.Create(inv, $"--Sip:ReusePort={(ReusePort ? "true" : "false")}"),
            "--Persistence:Provider=postgres",
            $"--Persistence:ConnectionString={connectionString}",
        ], workingDirectory, LogFile);
    }

    /// <summary>kill -9.</summary>
    public void Kill() => _process?.KillNow();

    /// <summary>SIGTERM (a graceful stop); true when the process exited within <paramref name="timeout"/>.</summary>
    public async Task<bool> TerminateAsync(TimeSpan timeout)
    {
        if (_process is null || _process.HasExited)
        {
            return true;
        }
        _process.Signal(ChildProcess.SigTerm);
        return await _process.WaitForExitAsync(timeout);
    }

    /// <summary>True when GET /readyz answered 200.</summary>
    public async Task<bool> IsReadyAsync()
    {
        try
        {
            using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            using var response = await Http.GetAsync("/readyz", cancellation.Token);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        _process?.Dispose();
        Http.Dispose();
    }
}
