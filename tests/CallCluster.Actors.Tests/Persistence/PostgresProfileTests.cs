using Akka.Actor;
using Akka.Configuration;
using CallCluster.Actors.Cdr;
using CallCluster.Actors.Health;
using CallCluster.Actors.Hosting;
using CallCluster.Actors.Persistence;
using CallCluster.Actors.Registration;
using CallCluster.Actors.Sessions;
using CallCluster.Actors.Tests.Support;
using static CallCluster.Actors.Registration.RegistrationCommands;
using static CallCluster.Actors.Registration.RegistrationReplies;

namespace CallCluster.Actors.Tests.Persistence;

/// <summary>The <c>postgres</c> profile against a real PostgreSQL server started for these tests.</summary>
public sealed class PostgresProfileTests(PostgresProfileTests.Server server) : IClassFixture<PostgresProfileTests.Server>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private PersistenceSettings Settings => new() { Provider = PersistenceSettings.Postgres, ConnectionString = server.Postgres.ConnectionString };

    [Fact]
    public async Task Cdr_insert_is_idempotent_and_the_probe_is_healthy()
    {
        var database = new Database(Settings);
        var store = new SqlCdrStore(database);
        await store.EnsureCreatedAsync();
        await store.EnsureCreatedAsync();
        Assert.True(await store.InsertAsync(Cdr.CdrStoreTests.Record("pg-1", 20)));
        Assert.False(await store.InsertAsync(Cdr.CdrStoreTests.Record("pg-1", 90, "other")));
        var record = Assert.Single(await store.ListAsync(10), r => r.SessionId == "pg-1");
        Assert.Equal("normal", record.EndReason);
        Assert.Equal(JournalHealth.Ok, await new JournalProbe(database).CheckAsync());
    }

    [Fact]
    public async Task Registration_survives_an_actor_system_restart_on_the_postgres_journal()
    {
        var config = ConfigurationFactory.ParseString(TestConfigs.SerializerBinding + "\n" + CallClusterConfig.PersistenceHocon(Settings))
            .WithFallback(Akka.Persistence.Sql.SqlPersistence.DefaultConfiguration);
        const string aor = "carol@home.example";

        var first = ActorSystem.Create("callcluster", config);
        try
        {
            var entity = first.ActorOf(RegistrationEntity.Props(aor));
            Assert.IsType<Bindings>(await entity.Ask<IRegistrationReply>(new Register(aor, "c1", 1, [new ContactRequest("sip:carol@127.0.0.1:5080", 1800)]), Timeout));
        }
        finally
        {
            await first.Terminate().WaitAsync(Timeout);
        }

        var second = ActorSystem.Create("callcluster", config);
        try
        {
            var entity = second.ActorOf(RegistrationEntity.Props(aor));
            var bindings = Assert.IsType<Bindings>(await entity.Ask<IRegistrationReply>(new GetBindings(aor), Timeout));
            Assert.Equal("sip:carol@127.0.0.1:5080", Assert.Single(bindings.Contacts).Uri);
        }
        finally
        {
            await second.Terminate().WaitAsync(Timeout);
        }
    }

    [Fact]
    public async Task The_batch_writer_stores_concurrent_writes_the_plugin_replays_and_a_repeated_row_fails_alone()
    {
        var config = ConfigurationFactory.ParseString(TestConfigs.SerializerBinding + "\n" + CallClusterConfig.PersistenceHocon(Settings))
            .WithFallback(Akka.Persistence.Sql.SqlPersistence.DefaultConfiguration);
        var ids = Enumerable.Range(0, 60).Select(i => $"pg-log-{i}").ToList();
        static object[] Events(string id) => [new SessionEvents.SessionCreated(new SessionId(id), SessionKind.Plain, new Party($"sip:{id}@example.org"), false, DateTimeOffset.UnixEpoch), new SessionEvents.SessionPhaseChanged(new SessionId(id), SessionPhase.Established, DateTimeOffset.UnixEpoch)];

        var first = ActorSystem.Create("callcluster", config);
        try
        {
            await Task.WhenAll(ids.Select(id => first.ActorOf(EventLog.Props(id)).Ask<EventLog.Stored>(new EventLog.Store(Events(id)), Timeout)));
        }
        finally
        {
            await first.Terminate().WaitAsync(Timeout);
        }

        var sql = JournalInsertSql.FromPluginConfig(config.GetConfig("akka.persistence.journal.sql"));
        await using (var dataSource = Npgsql.NpgsqlDataSource.Create(server.Postgres.ConnectionString))
        await using (var writer = new JournalBatchWriter(() => new PostgresJournalRowStore(dataSource, sql, "w"), lanes: 2, maxRows: 100, capacity: 100))
        {
            static JournalRowToWrite Row(string id, long seq) => new(id, seq, 1, [1, 2], "x", 4711);
            var others = Enumerable.Range(0, 30).Select(i => writer.WriteAsync($"pg-raw-{i}", [Row($"pg-raw-{i}", 1), Row($"pg-raw-{i}", 2)])).ToList();
            var repeated = writer.WriteAsync(ids[0], [Row(ids[0], 2)]);
            await Task.WhenAll(others).WaitAsync(Timeout);
            var refused = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => repeated.WaitAsync(Timeout));
            Assert.Equal("23505", refused.SqlState); // unique_violation

            await using var count = dataSource.CreateCommand("SELECT count(*) FROM journal WHERE persistence_id LIKE 'pg-raw-%'");
            Assert.Equal(60L, await count.ExecuteScalarAsync());
        }

        var second = ActorSystem.Create("callcluster", config);
        try
        {
            foreach (var id in ids)
            {
                var events = await second.ActorOf(EventLog.Props(id)).Ask<EventLog.Events>(EventLog.GetEvents.Instance, Timeout);
                Assert.Equal(Events(id), events.All);
            }
        }
        finally
        {
            await second.Terminate().WaitAsync(Timeout);
        }
    }

    /// <summary>One server for the class.</summary>
    public sealed class Server : IAsyncLifetime
    {
        public PostgresServer Postgres { get; } = new();

        public Task InitializeAsync() => Postgres.InitializeAsync();

        public Task DisposeAsync() => Postgres.DisposeAsync().AsTask();
    }
}
