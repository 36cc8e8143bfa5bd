namespace CallCluster.Host.Tests.Process;

[Collection(ProcessCollection.Name)]
public sealed class SqliteNodeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cc-node-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_sqlite_node_is_ready_serves_its_api_stops_on_sigterm_and_keeps_provisioning_across_a_restart()
    {
        await NodeScenario.RunAsync(_folder, $"Data Source={Path.Combine(_folder, "cc.db")}");

        Assert.True(File.Exists(Path.Combine(_folder, "cc.db")));
    }

    [Fact]
    public async Task With_the_default_connection_string_and_json_logs_the_node_writes_its_database_under_data_and_logs_json_lines()
    {
        using var node = NodeProcess.Start(_folder, "Data Source=./data/callcluster.db", "--Logging:Format=json");

        await node.WaitUntilReadyAsync();

        Assert.True(File.Exists(Path.Combine(_folder, "data", "callcluster.db")), node.Output());
        var lines = node.Process.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.Equal(System.Text.Json.JsonValueKind.Object, System.Text.Json.JsonDocument.Parse(line).RootElement.ValueKind));
        Assert.Equal(0, await node.TerminateAsync());
    }
}
