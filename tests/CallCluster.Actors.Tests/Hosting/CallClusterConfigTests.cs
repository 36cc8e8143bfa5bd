using CallCluster.Actors.Hosting;

namespace CallCluster.Actors.Tests.Hosting;

public sealed class CallClusterConfigTests
{
    [Fact]
    public void Sqlite_profile_uses_the_sql_plugins_with_one_writer()
    {
        var config = CallClusterConfig.Build(new NodeSettings());
        Assert.Equal("akka.persistence.journal.sql", config.GetString("akka.persistence.journal.plugin"));
        Assert.Equal("akka.persistence.snapshot-store.sql", config.GetString("akka.persistence.snapshot-store.plugin"));
        Assert.Equal("SQLite.MS", config.GetString("akka.persistence.journal.sql.provider-name"));
        Assert.Equal(1, config.GetInt("akka.persistence.journal.sql.parallelism"));
        Assert.True(config.GetBoolean("akka.persistence.journal.sql.auto-initialize"));
        Assert.Contains("Default Timeout=5", config.GetString("akka.persistence.journal.sql.connection-string"), StringComparison.Ordinal);
        // Reads (session recovery) must not take SQLite's write lock.
        Assert.Equal("read-uncommitted", config.GetString("akka.persistence.journal.sql.read-isolation-level"));
        Assert.Equal("read-uncommitted", config.GetString("akka.persistence.snapshot-store.sql.read-isolation-level"));
        Assert.Equal(
            config.GetString("akka.persistence.journal.sql.connection-string"),
            config.GetString("akka.persistence.snapshot-store.sql.connection-string"));
    }

    [Fact]
    public void Postgres_profile_uses_the_postgres_provider_and_keeps_the_connection_string()
    {
        var config = CallClusterConfig.Build(new NodeSettings
        {
            Persistence = new PersistenceSettings { Provider = "postgres", ConnectionString = "Host=db;Database=cc;Username=cc;Password=p\"w" },
        });
        Assert.Equal("PostgreSQL.15", config.GetString("akka.persistence.snapshot-store.sql.provider-name"));
        Assert.Equal("Host=db;Database=cc;Username=cc;Password=p\"w", config.GetString("akka.persistence.journal.sql.connection-string"));
        Assert.Equal(4, config.GetInt("akka.persistence.journal.sql.parallelism"));
        Assert.Equal("unspecified", config.GetString("akka.persistence.journal.sql.read-isolation-level"));
    }

    [Fact]
    public void The_journal_s_batch_writer_is_on_by_default_with_the_sqlite_connection_pragmas_and_can_be_turned_off()
    {
        var sqlite = CallClusterConfig.Build(new NodeSettings { Persistence = new PersistenceSettings { SqliteSynchronous = SqliteSynchronous.Full } });
        Assert.True(sqlite.GetBoolean("akka.persistence.journal.sql.callcluster.batch-writer"));
        Assert.Equal("PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000;", sqlite.GetString("akka.persistence.journal.sql.callcluster.sqlite-pragmas"));
        Assert.Equal(CallClusterConfig.JournalClass, sqlite.GetString("akka.persistence.journal.sql.class"));

        var off = CallClusterConfig.Build(new NodeSettings
        {
            Persistence = new PersistenceSettings { Provider = "postgres", ConnectionString = "Host=db", BatchWriter = false },
        });
        Assert.False(off.GetBoolean("akka.persistence.journal.sql.callcluster.batch-writer"));
        Assert.Equal("", off.GetString("akka.persistence.journal.sql.callcluster.sqlite-pragmas"));
    }

    [Fact]
    public void Cluster_settings_are_the_fast_failover_ones()
    {
        var config = CallClusterConfig.Build(new NodeSettings());
        Assert.Equal("keep-majority", config.GetString("akka.cluster.split-brain-resolver.active-strategy"));
        Assert.Equal(TimeSpan.FromSeconds(1), config.GetTimeSpan("akka.cluster.split-brain-resolver.stable-after"));
        Assert.Equal(TimeSpan.FromMilliseconds(250), config.GetTimeSpan("akka.cluster.down-removal-margin"));
        Assert.True(config.GetBoolean("akka.cluster.sharding.remember-entities"));
        Assert.Equal("eventsourced", config.GetString("akka.cluster.sharding.remember-entities-store"));
        Assert.Equal("ddata", config.GetString("akka.cluster.sharding.state-store-mode"));
        Assert.Equal(TimeSpan.FromMilliseconds(100), config.GetTimeSpan("akka.cluster.gossip-interval"));
        Assert.Equal(TimeSpan.FromMilliseconds(100), config.GetTimeSpan("akka.cluster.leader-actions-interval"));
        Assert.Equal(TimeSpan.FromMilliseconds(100), config.GetTimeSpan("akka.cluster.unreachable-nodes-reaper-interval"));
        Assert.Equal(TimeSpan.FromSeconds(1), config.GetTimeSpan("akka.cluster.failure-detector.acceptable-heartbeat-pause"));
        Assert.Equal(TimeSpan.FromMilliseconds(250), config.GetTimeSpan("akka.cluster.failure-detector.heartbeat-interval"));
    }

    [Fact]
    public void The_failure_detector_pause_and_the_resolver_s_stable_after_follow_the_node_settings()
    {
        var config = CallClusterConfig.Build(new NodeSettings { HeartbeatPause = TimeSpan.FromMilliseconds(900), StableAfter = TimeSpan.FromSeconds(4) });
        Assert.Equal(TimeSpan.FromMilliseconds(900), config.GetTimeSpan("akka.cluster.failure-detector.acceptable-heartbeat-pause"));
        Assert.Equal(TimeSpan.FromSeconds(4), config.GetTimeSpan("akka.cluster.split-brain-resolver.stable-after"));
        Assert.Equal(TimeSpan.FromMilliseconds(250), config.GetTimeSpan("akka.cluster.failure-detector.heartbeat-interval"));
    }

    [Theory]
    [InlineData(400, 1500, "Cluster:HeartbeatPauseMs: 400 is outside 500-60000 ms")]
    [InlineData(1500, 60001, "Cluster:StableAfterMs: 60001 is outside 500-60000 ms")]
    public void Failover_waits_outside_their_bounds_are_refused(int pauseMs, int stableMs, string problem)
    {
        var settings = new NodeSettings { HeartbeatPause = TimeSpan.FromMilliseconds(pauseMs), StableAfter = TimeSpan.FromMilliseconds(stableMs) };
        Assert.Equal([problem], settings.Validate());
    }
}
