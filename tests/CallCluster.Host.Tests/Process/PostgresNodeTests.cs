namespace CallCluster.Host.Tests.Process;

[Collection(ProcessCollection.Name)]
public sealed class PostgresNodeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cc-node-pg-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_postgres_node_is_ready_serves_its_api_stops_on_sigterm_and_keeps_provisioning_across_a_restart()
    {
        await using var postgres = await PostgresServer.StartAsync();
        await NodeScenario.RunAsync(_folder, postgres.ConnectionString, "--Persistence:Provider=postgres");

        Assert.False(Directory.Exists(Path.Combine(_folder, "data")), "the postgres profile writes no SQLite file");
    }
}
