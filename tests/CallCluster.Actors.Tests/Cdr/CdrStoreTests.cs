using Akka.Actor;
using CallCluster.Actors.Cdr;
using CallCluster.Actors.Hosting;
using CallCluster.Actors.Persistence;
using CallCluster.Actors.Tests.Support;
using Microsoft.Data.Sqlite;

namespace CallCluster.Actors.Tests.Cdr;

/// <summary>The <c>cdr</c> table on a real SQLite file.</summary>
public sealed class CdrStoreTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();
    private readonly Database _database;
    private readonly SqlCdrStore _store;

    public CdrStoreTests()
        : base(TestConfigs.InMemory())
    {
        _database = new Database(new PersistenceSettings { ConnectionString = _folder.SqliteConnectionString() });
        _database.Prepare();
        _store = new SqlCdrStore(_database);
    }

    public static CdrRecord Record(string id, int endSeconds, string reason = "normal") => new(
        id,
        "plain",
        ["alice", "bob"],
        [new CdrLeg("caller", "alice", T0.AddSeconds(1), T0.AddSeconds(endSeconds), "bye"), new CdrLeg("callee", "bob", T0.AddSeconds(1), null, null)],
        T0,
        T0.AddSeconds(1),
        T0.AddSeconds(endSeconds),
        TimeSpan.FromSeconds(endSeconds - 1),
        reason);

    [Fact]
    public async Task Insert_is_idempotent_by_session_id_and_keeps_the_first_record()
    {
        await _store.EnsureCreatedAsync();
        Assert.True(await _store.InsertAsync(Record("s-1", 30)));
        Assert.False(await _store.InsertAsync(Record("s-1", 99, "other")));

        var all = await _store.ListAsync(10);
        var only = Assert.Single(all);
        Assert.Equal("normal", only.EndReason);
        Assert.Equal(["alice", "bob"], only.Parties);
        Assert.Equal(2, only.Legs.Count);
        Assert.Equal(T0.AddSeconds(1), only.Answer);
        Assert.Equal(TimeSpan.FromSeconds(29), only.Duration);
    }

    [Fact]
    public async Task List_returns_newest_first_up_to_the_limit()
    {
        await _store.EnsureCreatedAsync();
        Assert.Equal(3, await _store.InsertManyAsync([Record("a", 10), Record("b", 30), Record("c", 20)]));
        Assert.Equal(["b", "c"], (await _store.ListAsync(2)).Select(r => r.SessionId));
        Assert.Equal(3, (await _store.ListAsync(0 + 5000)).Count);
    }

    [Fact]
    public async Task Writer_replies_after_commit_and_writes_each_session_once()
    {
        var writer = Sys.ActorOf(CdrWriterActor.Props(_store));
        writer.Tell(new WriteCdr(Record("s-7", 40)));
        writer.Tell(new WriteCdr(Record("s-7", 40)));
        writer.Tell(new WriteCdr(Record("s-8", 50)));
        var written = new[] { ExpectMsg<CdrWritten>(), ExpectMsg<CdrWritten>(), ExpectMsg<CdrWritten>() };
        Assert.Equal(["s-7", "s-7", "s-8"], written.Select(w => w.SessionId).Order());

        await using var connection = new SqliteConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM cdr";
        Assert.Equal(2L, (long)(await count.ExecuteScalarAsync())!);
    }

    [Fact]
    public void Writer_rejects_a_record_the_table_cannot_hold()
    {
        var writer = Sys.ActorOf(CdrWriterActor.Props(_store));
        writer.Tell(new WriteCdr(Record(new string('x', 300), 10)));
        Assert.Contains("session id", ExpectMsg<CdrWriteFailed>().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Database_file_is_in_wal_mode()
    {
        await using var connection = await _database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    protected override void AfterAll()
    {
        base.AfterAll();
        _folder.Dispose();
    }
}
