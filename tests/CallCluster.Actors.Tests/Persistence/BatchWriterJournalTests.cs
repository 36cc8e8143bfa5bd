using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence.Journal;
using CallCluster.Actors.Persistence;
using CallCluster.Actors.Sessions;
using CallCluster.Actors.Tests.Support;
using Microsoft.Data.Sqlite;
using static CallCluster.Actors.Sessions.SessionEvents;

namespace CallCluster.Actors.Tests.Persistence;

/// <summary>
/// The node's journal (<see cref="CallClusterJournal"/>) on a SQLite file with its batch writer:
/// the rows it writes are the plugin's rows, the plugin replays them, concurrent writers keep
/// their own events in order, and tagged or unserializable events are handled as the plugin does.
/// </summary>
public sealed class BatchWriterJournalTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private static readonly DateTimeOffset T = new(2026, 12, 7, 17, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task The_batch_writer_stores_the_rows_the_plugin_stores_and_each_path_replays_the_other()
    {
        var events = CallEvents("rows");
        var before = DateTime.UtcNow.Ticks;
        await WithSystem(batchWriter: false, async sys => await StoreAsync(sys, "by-plugin", events));
        await WithSystem(batchWriter: true, async sys => await StoreAsync(sys, "by-batch", events));
        var after = DateTime.UtcNow.Ticks;

        var plugin = await ReadRowsAsync("by-plugin");
        var batch = await ReadRowsAsync("by-batch");
        Assert.Equal(events.Count, batch.Count);
        for (var i = 0; i < events.Count; i++)
        {
            Assert.Equal(i + 1, batch[i].SequenceNr);
            Assert.Equal(plugin[i].Message, batch[i].Message);
            Assert.Equal(plugin[i].Manifest, batch[i].Manifest);
            Assert.Equal(plugin[i].Identifier, batch[i].Identifier);
            Assert.False(batch[i].Deleted);
            Assert.InRange(batch[i].Created, before, after);
            Assert.Matches("^[0-9a-f]{32}$", batch[i].WriterUuid);
        }

        foreach (var batchWriter in new[] { true, false })
        {
            await WithSystem(batchWriter, async sys =>
            {
                Assert.Equal(events, await RecoverAsync(sys, "by-plugin"));
                Assert.Equal(events, await RecoverAsync(sys, "by-batch"));
            });
        }
    }

    [Fact]
    public async Task Many_actors_writing_at_once_each_recover_their_own_events_in_order()
    {
        var ids = Enumerable.Range(0, 120).Select(i => $"call-{i}").ToList();
        await WithSystem(batchWriter: true, async sys =>
        {
            var written = ids.Select(async id =>
            {
                var log = sys.ActorOf(EventLog.Props(id));
                foreach (var e in CallEvents(id))
                {
                    // One event per write, as a session persists them.
                    await log.Ask<EventLog.Stored>(new EventLog.Store([e]), Timeout);
                }
            });
            await Task.WhenAll(written);
        });

        await WithSystem(batchWriter: true, async sys =>
        {
            foreach (var id in ids)
            {
                Assert.Equal(CallEvents(id), await RecoverAsync(sys, id));
            }
        });
    }

    [Fact]
    public async Task A_tagged_event_is_written_by_the_plugin_with_its_tag_row()
    {
        var created = CallEvents("tagged")[0];
        await WithSystem(batchWriter: true, async sys => await StoreAsync(sys, "tagged", [new Tagged(created, ["calls"])]));

        await using (var connection = await OpenAsync())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT tag FROM tags WHERE persistence_id = 'tagged'";
            Assert.Equal("calls", await command.ExecuteScalarAsync());
        }

        await WithSystem(batchWriter: true, async sys => Assert.Equal([created], await RecoverAsync(sys, "tagged")));
    }

    [Fact]
    public async Task An_event_that_cannot_be_serialized_is_rejected_and_the_others_of_its_request_are_written()
    {
        var events = CallEvents("rejects");
        await WithSystem(batchWriter: true, async sys =>
        {
            var log = sys.ActorOf(EventLog.Props("rejects"));
            // Three atomic writes in one journal request; the middle one cannot be serialized.
            log.Tell(new EventLog.StoreEach([events[0], new Unserializable(), events[1]]), ActorRefs.NoSender);
            var held = await log.Ask<EventLog.Events>(EventLog.GetEvents.Instance, Timeout);
            Assert.Equal([events[0], events[1]], held.All);
            Assert.Equal(3, held.SequenceNr);
            Assert.IsType<EventLog.Stored>(await log.Ask<object>(new EventLog.Store([events[2]]), Timeout));
        });

        await WithSystem(batchWriter: true, async sys => Assert.Equal(events, await RecoverAsync(sys, "rejects")));
        Assert.Equal([1L, 3, 4], (await ReadRowsAsync("rejects")).Select(r => r.SequenceNr));
    }

    [Fact]
    public async Task A_row_already_stored_fails_only_the_write_that_repeats_it()
    {
        var events = CallEvents("dup");
        await WithSystem(batchWriter: true, async sys => await StoreAsync(sys, "dup", events.Take(1).ToList()));

        var sql = JournalInsertSql.FromPluginConfig(Config(batchWriter: true).GetConfig("akka.persistence.journal.sql"));
        var connection = Actors.Hosting.ConnectionStrings.NormalizeSqlite(_folder.SqliteConnectionString());
        var store = new SqliteJournalRowStore(connection, "PRAGMA busy_timeout=10000;", sql, Guid.NewGuid().ToString("N"));
        await using (var writer = new JournalBatchWriter(() => store, lanes: 1, maxRows: 100, capacity: 100))
        {
            var writes = Enumerable.Range(0, 20).Select(i => writer.WriteAsync($"other-{i}", [Row($"other-{i}", 1)])).ToList();
            var repeated = writer.WriteAsync("dup", [Row("dup", 1)]);
            writes.AddRange(Enumerable.Range(20, 20).Select(i => writer.WriteAsync($"other-{i}", [Row($"other-{i}", 1)])));

            await Task.WhenAll(writes).WaitAsync(Timeout);
            var refused = await Assert.ThrowsAsync<SqliteException>(() => repeated.WaitAsync(Timeout));
            Assert.Equal(19, refused.SqliteErrorCode); // SQLITE_CONSTRAINT
        }

        await WithSystem(batchWriter: true, async sys =>
        {
            Assert.Equal(events.Take(1), await RecoverAsync(sys, "dup"));
            Assert.Equal(40, (await ReadRowsAsync("other-%")).Count);
        });
    }

    private static JournalRowToWrite Row(string pid, long seq) => new(pid, seq, DateTime.UtcNow.Ticks, [1, 2, 3], "x", 4711);

    /// <summary>A session's events with the id in them, so that each actor's are its own.</summary>
    private static List<object> CallEvents(string id)
    {
        var session = new SessionId(id);
        var leg = new LegId(id + ".1");
        return
        [
            new SessionCreated(session, SessionKind.Plain, new Party($"sip:{id}@example.org"), false, T),
            new SessionPhaseChanged(session, SessionPhase.Established, T.AddSeconds(2)),
            new LegEnded(session, leg, LegEndCause.ByeReceived, null, T.AddSeconds(9)),
        ];
    }

    private Config Config(bool batchWriter) =>
        ConfigurationFactory.ParseString($"akka.persistence.journal.sql.callcluster.batch-writer = {(batchWriter ? "on" : "off")}\nakka.loglevel = ERROR")
            .WithFallback(TestConfigs.Sqlite(_folder.SqliteConnectionString()));

    private async Task WithSystem(bool batchWriter, Func<ActorSystem, Task> body)
    {
        var sys = ActorSystem.Create("journal", Config(batchWriter));
        try
        {
            await body(sys);
        }
        finally
        {
            await sys.Terminate().WaitAsync(Timeout);
        }
    }

    private static async Task StoreAsync(ActorSystem sys, string id, IReadOnlyList<object> events)
    {
        var log = sys.ActorOf(EventLog.Props(id));
        await log.Ask<EventLog.Stored>(new EventLog.Store(events), Timeout);
    }

    private static async Task<List<object>> RecoverAsync(ActorSystem sys, string id)
    {
        var log = sys.ActorOf(EventLog.Props(id));
        return [.. (await log.Ask<EventLog.Events>(EventLog.GetEvents.Instance, Timeout)).All];
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(_folder.SqliteConnectionString());
        await connection.OpenAsync();
        return connection;
    }

    private async Task<List<StoredRow>> ReadRowsAsync(string pidPattern)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sequence_number, message, manifest, identifier, deleted, created, writer_uuid FROM journal WHERE persistence_id LIKE $p ORDER BY persistence_id, sequence_number";
        command.Parameters.AddWithValue("$p", pidPattern);
        var rows = new List<StoredRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new StoredRow(reader.GetInt64(0), (byte[])reader[1], reader.GetString(2), reader.GetInt32(3), reader.GetBoolean(4), reader.GetInt64(5), reader.GetString(6)));
        }

        return rows;
    }

    private sealed record StoredRow(long SequenceNr, byte[] Message, string Manifest, int Identifier, bool Deleted, long Created, string WriterUuid);

    /// <summary>Akka's default serializer for objects fails on it.</summary>
    private sealed class Unserializable
    {
        public string Value => throw new InvalidOperationException("cannot be read");
    }
}
