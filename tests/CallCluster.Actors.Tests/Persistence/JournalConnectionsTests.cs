using Akka.Actor;
using Akka.Actor.Setup;
using CallCluster.Actors.Hosting;
using CallCluster.Actors.Persistence;
using CallCluster.Actors.Registration;
using CallCluster.Actors.Tests.Support;
using Microsoft.Data.Sqlite;
using static CallCluster.Actors.Registration.RegistrationCommands;
using static CallCluster.Actors.Registration.RegistrationReplies;

namespace CallCluster.Actors.Tests.Persistence;

/// <summary>
/// The journal's SQLite connections run in the configured synchronous mode: the connections the
/// journal opened, handed out again by the connection pool, report it; a connection the journal
/// never opened reports SQLite's own default (FULL).
/// </summary>
public sealed class JournalConnectionsTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private const long Full = 2;
    private const long Normal = 1;
    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData(SqliteSynchronous.Normal, Normal)]
    [InlineData(SqliteSynchronous.Full, Full)]
    public async Task Journal_connections_take_the_configured_synchronous_mode(SqliteSynchronous mode, long expected)
    {
        var persistence = new PersistenceSettings { ConnectionString = _folder.SqliteConnectionString(), SqliteSynchronous = mode };
        var connectionString = ConnectionStrings.NormalizeSqlite(persistence.ConnectionString);
        var config = TestConfigs.Sqlite(persistence);
        SqliteConnection.ClearAllPools(); // only the journal's own connections in the pool from here
        var setup = BootstrapSetup.Create().WithConfig(config).And(JournalConnections.Setup(persistence));
        var system = ActorSystem.Create("callcluster", setup);
        try
        {
            var registration = system.ActorOf(RegistrationEntity.Props("alice@home.example"));
            var reply = await registration.Ask<IRegistrationReply>(
                new Register("alice@home.example", "c1", 1, [new ContactRequest("sip:alice@127.0.0.1:5070", 3600, 1.0)]), Timeout);
            Assert.IsType<Bindings>(reply);
        }
        finally
        {
            await system.Terminate().WaitAsync(Timeout);
        }

        Assert.Equal(expected, await Synchronous(connectionString));
        Assert.Equal(Full, await Synchronous(connectionString + ";Pooling=False"));
    }

    [Fact]
    public void Pragmas_name_the_mode_and_the_lock_wait()
    {
        Assert.Equal("PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;", JournalConnections.SqliteConnectionPragmas(SqliteSynchronous.Normal));
        Assert.Equal("PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000;", JournalConnections.SqliteConnectionPragmas(SqliteSynchronous.Full));
    }

    /// <summary>PRAGMA synchronous of a connection from the pool of <paramref name="connectionString"/>.</summary>
    private static async Task<long> Synchronous(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous;";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose() => _folder.Dispose();
}
