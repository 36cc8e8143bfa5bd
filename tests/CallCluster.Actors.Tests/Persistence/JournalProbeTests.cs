using CallCluster.Actors.Health;
using CallCluster.Actors.Hosting;
using CallCluster.Actors.Persistence;
using CallCluster.Actors.Tests.Support;

namespace CallCluster.Actors.Tests.Persistence;

public sealed class JournalProbeTests
{
    [Fact]
    public async Task Reachable_sqlite_database_is_healthy()
    {
        using var folder = new TempFolder();
        var probe = new JournalProbe(new Database(new PersistenceSettings { ConnectionString = folder.SqliteConnectionString() }));
        Assert.Equal(JournalHealth.Ok, await probe.CheckAsync());
    }

    [Fact]
    public async Task Missing_folder_is_reported_not_thrown()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "missing", "nested", "cc.db");
        var probe = new JournalProbe(new Database(new PersistenceSettings { ConnectionString = $"Data Source={path};Mode=ReadWrite" }));
        var health = await probe.CheckAsync();
        Assert.False(health.Reachable);
        Assert.False(string.IsNullOrEmpty(health.Error));
    }

    [Fact]
    public async Task Unreachable_postgres_is_reported_not_thrown()
    {
        var probe = new JournalProbe(new Database(new PersistenceSettings
        {
            Provider = PersistenceSettings.Postgres,
            ConnectionString = "Host=127.0.0.1;Port=1;Username=x;Password=y;Database=z;Timeout=1",
        }));
        Assert.False((await probe.CheckAsync()).Reachable);
    }
}
