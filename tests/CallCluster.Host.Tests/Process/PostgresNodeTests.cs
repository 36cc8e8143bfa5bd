namespace CallCluster.Host.Tests.Process;

[Collection(ProcessCollection.Name)]
public sealed class PostgresNodeTests : IClassFixture<PostgresServer>, IDisposable
{
    private readonly PostgresServer _postgres;
    private readonly string _folder = Directory.CreateTempSubdirectory("cc-node-pg-").FullName;

    public PostgresNodeTests(PostgresServer postgres)
    {
        _postgres = postgres;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_postgres_node_is_ready_serves_its_api_stops_on_sigterm_and_keeps_provisioning_across_a_restart()
    {
        await NodeScenario.RunAsync(_folder, _postgres.ConnectionString, "--Persistence:Provider=postgres");

        Assert.False(Directory.Exists(Path.Combine(_folder, "data")), "the postgres profile writes no SQLite file");
    }
}
