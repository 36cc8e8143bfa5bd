namespace CallCluster.Host.Tests.Process;

[Collection(ProcessCollection.Name)]
public sealed class CommandLineProcessTests : IDisposable
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);
    private readonly string _folder = Directory.CreateTempSubdirectory("cc-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Task<ChildProcess> RunAsync(params string[] args) =>
        ChildProcess.RunAsync("dotnet", [RepositoryPaths.CallClusterDll(), .. args], _folder, Within);

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public async Task Help_lists_the_run_command_and_exits_0()
    {
        using var process = await RunAsync("--help");

        Assert.Equal(0, process.ExitCode);
        Assert.Contains("run", process.StandardOutput);
        Assert.Empty(process.StandardError);
    }

    [Fact]
    public async Task An_unknown_command_exits_2_with_one_line()
    {
        using var process = await RunAsync("fly");

        Assert.Equal(2, process.ExitCode);
        var line = Assert.Single(Lines(process.StandardError));
        Assert.Contains("'fly'", line);
    }

    [Fact]
    public async Task A_bad_setting_exits_2_with_one_line_naming_it()
    {
        using var process = await RunAsync("run", "--Sip:Listen:0=udp:1.2.3", "--Http:Listen=http://127.0.0.1:1");

        Assert.Equal(2, process.ExitCode);
        Assert.Equal(["Sip:Listen:0: 'udp:1.2.3' is not udp:IP:PORT or tcp:IP:PORT"], Lines(process.StandardError));
        Assert.False(Directory.Exists(Path.Combine(_folder, "data")), "nothing is created for a refused start");
    }

    [Fact]
    public async Task A_bad_environment_setting_exits_2_with_one_line_naming_it()
    {
        var child = ChildProcess.Start("dotnet", [RepositoryPaths.CallClusterDll(), "run"], _folder, environment: new Dictionary<string, string> { ["CALLCLUSTER_Logging__Format"] = "xml" });
        using (child)
        {
            Assert.True(await child.WaitForExitAsync(Within));
            Assert.Equal(2, child.ExitCode);
            Assert.Equal(["Logging:Format: 'xml' is not one of text, json"], Lines(child.StandardError));
        }
    }

    [Fact]
    public async Task A_malformed_provisioning_file_exits_2_with_one_line_naming_the_problem()
    {
        var file = Path.Combine(_folder, "provision.json");
        await File.WriteAllTextAsync(file, """{ "subscribers": [ { "user": "alice", "kind": "phone" } ] }""");

        using var process = await RunAsync("run", $"--Provisioning:File={file}");

        Assert.Equal(2, process.ExitCode);
        Assert.Equal([$"Provisioning:File: '{file}': subscribers[0]: kind 'phone' is not one of mobile, local-terminal, other"], Lines(process.StandardError));
    }

    [Theory]
    [InlineData("Http:Listen")]
    [InlineData("Cluster:Port")]
    public async Task A_port_in_use_exits_2_with_one_line_naming_the_setting(string setting)
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var busy = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        var http = setting == "Http:Listen" ? busy : FreePorts.Tcp();
        var cluster = setting == "Cluster:Port" ? busy : FreePorts.Tcp();

        using var process = await RunAsync(
            "run", $"--Http:Listen=http://127.0.0.1:{http}", $"--Cluster:Port={cluster}",
            $"--Sip:Listen:0=udp:127.0.0.1:{FreePorts.Udp()}", $"--Persistence:ConnectionString=Data Source={Path.Combine(_folder, "cc.db")}");

        Assert.Equal(2, process.ExitCode);
        var line = Assert.Single(Lines(process.StandardError));
        Assert.StartsWith($"{setting}: cannot listen on ", line);
        Assert.Contains(busy.ToString(System.Globalization.CultureInfo.InvariantCulture), line);
    }

    [Fact]
    public async Task A_provisioning_file_the_directory_refuses_exits_2_with_one_line_naming_the_entry()
    {
        var file = Path.Combine(_folder, "provision.json");
        await File.WriteAllTextAsync(file, """{ "households": [ { "id": "h1", "mobiles": ["ghost"], "localTerminals": ["tv"] } ] }""");

        using var process = await RunAsync(
            "run", $"--Http:Listen=http://127.0.0.1:{FreePorts.Tcp()}", $"--Cluster:Port={FreePorts.Tcp()}",
            $"--Sip:Listen:0=udp:127.0.0.1:{FreePorts.Udp()}", $"--Persistence:ConnectionString=Data Source={Path.Combine(_folder, "cc.db")}",
            $"--Provisioning:File={file}");

        Assert.Equal(2, process.ExitCode);
        var line = Assert.Single(Lines(process.StandardError));
        Assert.StartsWith($"Provisioning:File: '{file}': households[0] 'h1': ", line);
        Assert.Contains("ghost", line);
    }
}
