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
    public async Task With_the_default_connection_string_the_node_creates_its_database_under_data_in_the_working_folder()
    {
        using var node = NodeProcess.Start(_folder, "Data Source=./data/callcluster.db");

        await node.WaitUntilReadyAsync();

        Assert.True(File.Exists(Path.Combine(_folder, "data", "callcluster.db")), node.Output());
        Assert.Equal(0, await node.TerminateAsync());
    }
}
