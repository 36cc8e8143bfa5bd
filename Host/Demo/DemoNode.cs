using System.Collections;
using CallCluster.Host.Cli;
using CallCluster.Host.Configuration;
using CallCluster.Host.Hosting;
using CallCluster.Host.Provisioning;

namespace CallCluster.Host.Demo;

/// <summary>
/// The demo's node: all roles, in this process, on free loopback ports, with a SQLite journal and
/// a provisioning file in a temporary folder that is removed afterwards.
/// </summary>
public sealed class DemoNode : IAsyncDisposable
{
    public const string Domain = "demo.callcluster.local";

    private readonly CancellationTokenSource _stop = new();
    private readonly string _folder;
    private Task<int>? _run;

    private DemoNode(string folder, int sipPort, int httpPort)
    {
        _folder = folder;
        SipPort = sipPort;
        HttpBase = new Uri($"http://127.0.0.1:{httpPort}");
    }

    public int SipPort { get; }

    public Uri HttpBase { get; }

    public static DemoNode Create()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"callcluster-demo-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return new DemoNode(folder, FreePorts.UdpAndTcp(), FreePorts.Tcp());
    }

    /// <summary>Starts the node; returns null when it is ready, else a one-line reason.</summary>
    public async Task<string?> StartAsync(IReadOnlyList<string> extraArguments, TimeSpan timeout)
    {
        var provisioning = Path.Combine(_folder, "provision.json");
        await File.WriteAllTextAsync(provisioning, ProvisioningJson);
        var rtpBase = 40000 + (Environment.ProcessId % 200) * 100;
        string[] arguments =
        [
            $"--Sip:Listen:0=udp:127.0.0.1:{SipPort}",
            $"--Sip:Listen:1=tcp:127.0.0.1:{SipPort}",
            $"--Sip:Domain={Domain}",
            $"--Http:Listen={HttpBase}",
            $"--Cluster:Port={FreePorts.Tcp()}",
            $"--Persistence:ConnectionString=Data Source={Path.Combine(_folder, "demo.db")}",
            $"--Media:RtpPortRange={rtpBase}-{rtpBase + 99}",
            $"--Provisioning:File={provisioning}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Akka=Error",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning",
            .. extraArguments,
        ];

        CallClusterSettings settings;
        Microsoft.Extensions.Configuration.IConfigurationRoot configuration;
        ProvisioningDocument document;
        try
        {
            configuration = ConfigurationSources.Build(AppContext.BaseDirectory, new Hashtable(), arguments);
            settings = SettingsReader.Read(configuration);
            document = ProvisioningFile.Load(provisioning);
            settings = RunCommand.WithProvisionedDomain(settings, configuration, document);
        }
        catch (SettingsException e)
        {
            return e.Message;
        }

        _run = Task.Run(() => NodeHost.RunAsync(settings, configuration, document, _stop.Token));
        using var http = new HttpClient { BaseAddress = HttpBase, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_run.IsCompleted)
            {
                return $"the node stopped during start-up (exit code {await _run})";
            }
            try
            {
                using var response = await http.GetAsync("/readyz");
                if (response.IsSuccessStatusCode)
                {
                    return null;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        return $"the node was not ready within {timeout.TotalSeconds:0} s";
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_run is not null)
        {
            try
            {
                await _run.WaitAsync(TimeSpan.FromSeconds(40));
            }
            catch (Exception e) when (e is TimeoutException or OperationCanceledException)
            {
            }
        }
        _stop.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>The household of the demo: a mobile bound to a TV, and a remote party.</summary>
    private const string ProvisioningJson = $$"""
        {
          "domain": "{{Domain}}",
          "subscribers": [
            { "user": "mobile", "password": "mobile-demo-secret", "kind": "mobile" },
            { "user": "tv", "password": "tv-demo-secret", "kind": "local-terminal" },
            { "user": "remote", "password": "remote-demo-secret", "kind": "other" }
          ],
          "households": [
            { "id": "home", "mobiles": ["mobile"], "localTerminals": ["tv"] }
          ],
          "trunks": []
        }
        """;
}
