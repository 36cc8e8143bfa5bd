using System.Net;
using System.Text.Json;

namespace CallCluster.Interop.Tests.Infrastructure;

/// <summary>
/// A real `callcluster run` process on free loopback ports with a temporary SQLite journal and a
/// provisioning file: subscribers alice (mobile, bound to tv), tv (local terminal), bob; trunk
/// carrier-a at 127.0.0.2:<see cref="CarrierAPort"/> (prefix +44, trusted source 127.0.0.2) and
/// trunk carrier-b at 127.0.0.3:<see cref="CarrierBPort"/> (prefix +33, trusted source 127.0.0.3).
/// Used as a class fixture; the process is killed by id on Dispose.
/// </summary>
public class ClusterNode : IAsyncLifetime, IDisposable
{
    public const string Domain = "interop.callcluster.local";
    public const string CarrierA = "127.0.0.2";
    public const string CarrierB = "127.0.0.3";
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(60);

    private readonly string _folder = Directory.CreateTempSubdirectory("cc-interop-").FullName;
    private ChildProcess? _process;

    public int SipPort { get; } = FreePorts.Udp();

    public int CarrierAPort { get; } = FreePorts.Udp(CarrierA);

    public int CarrierBPort { get; } = FreePorts.Udp(CarrierB);

    public HttpClient Http { get; private set; } = new();

    public string Folder => _folder;

    /// <summary>Settings a variant of the node adds to the command line.</summary>
    protected virtual IEnumerable<string> ExtraArguments => [];

    public async Task InitializeAsync()
    {
        Tools.Require("sipp", "sip-tester");
        Tools.Require("baresip", "baresip-core");
        var provisioning = Path.Combine(_folder, "provision.json");
        await File.WriteAllTextAsync(provisioning, ProvisioningJson());
        var httpPort = FreePorts.Tcp();
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(10) };
        _process = ChildProcess.Start("dotnet",
        [
            RepositoryPaths.CallClusterDll(), "run",
            $"--Http:Listen=http://127.0.0.1:{httpPort}",
            $"--Cluster:Port={FreePorts.Tcp()}",
            $"--Sip:Listen:0=udp:127.0.0.1:{SipPort}",
            $"--Persistence:ConnectionString=Data Source={Path.Combine(_folder, "cc.db")}",
            $"--Provisioning:File={provisioning}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Akka=Error",
            .. ExtraArguments,
        ], _folder);
        await WaitUntilReadyAsync();
    }

    /// <summary>The CDRs the node lists (newest first, up to 500).</summary>
    public async Task<IReadOnlyList<JsonElement>> CdrsAsync()
    {
        using var document = JsonDocument.Parse(await Http.GetStringAsync("/api/v1/cdrs?limit=500"));
        return [.. document.RootElement.GetProperty("cdrs").EnumerateArray().Select(e => e.Clone())];
    }

    public string Output() => _process is null ? "" : Tail(_process.Output);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        Http.Dispose();
        _process?.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow + ReadyWithin;
        var last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_process!.HasExited, $"callcluster exited before ready: {Output()}");
            try
            {
                using var response = await Http.GetAsync("/readyz");
                last = $"{(int)response.StatusCode}";
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e.Message;
            }
            await Task.Delay(250);
        }
        Assert.Fail($"callcluster /readyz not 200 within {ReadyWithin}: last {last}; output: {Output()}");
    }

    private string ProvisioningJson() => $$"""
        {
          "domain": "{{Domain}}",
          "subscribers": [
            { "user": "alice", "password": "alice-secret", "kind": "mobile" },
            { "user": "tv", "password": "tv-secret", "kind": "local-terminal" },
            { "user": "bob", "password": "bob-secret", "kind": "other" }
          ],
          "households": [ { "id": "home", "mobiles": ["alice"], "localTerminals": ["tv"] } ],
          "trunks": [
            { "name": "carrier-a", "address": "{{CarrierA}}:{{CarrierAPort}}", "trustedSources": ["{{CarrierA}}"], "prefixes": ["+44"] },
            { "name": "carrier-b", "address": "{{CarrierB}}:{{CarrierBPort}}", "trustedSources": ["{{CarrierB}}"], "prefixes": ["+33"] }
          ]
        }
        """;

    private static string Tail(string text) => text.Length > 6000 ? text[^6000..] : text;
}
