using Akka.Actor;
using Akka.Configuration;
using CallCluster.Actors.Cdr;
using CallCluster.Actors.Health;
using CallCluster.Actors.Hosting;
using CallCluster.Actors.Persistence;
using CallCluster.Actors.Registration;
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

    /// <summary>One server for the class.</summary>
    public sealed class Server : IAsyncLifetime
    {
        public PostgresServer Postgres { get; } = new();

        public Task InitializeAsync() => Postgres.InitializeAsync();

        public Task DisposeAsync() => Postgres.DisposeAsync().AsTask();
    }
}
