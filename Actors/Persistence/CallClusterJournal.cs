using System.Collections.Immutable;
using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.Sql.Journal;
using Npgsql;

namespace CallCluster.Actors.Persistence;

/// <summary>
/// The node's journal: Akka.Persistence.Sql's (its schema, replay, deletes, queries), with two
/// shortcuts on the call path:
/// <list type="bullet">
/// <item>the highest sequence number of an id declared in <see cref="NewPersistenceIds"/> is 0
/// without a query, so a new session's recovery reads nothing (its snapshot is not asked for either:
/// <c>SessionActor.FreshRecovery</c>);</item>
/// <item>untagged events are written by a <see cref="JournalBatchWriter"/>: everything queued goes
/// into one transaction through a statement prepared once per connection, in the rows the plugin
/// writes and reads (<see cref="JournalRowSerializer"/>). Tagged events take the plugin's own path,
/// which also fills its tag table.</item>
/// </list>
/// The batch writer is on unless the plugin's config says <c>callcluster.batch-writer = off</c>.
/// </summary>
public sealed class CallClusterJournal : SqlWriteJournal
{
    private readonly NewPersistenceIds _newIds = NewPersistenceIds.Get(Context.System);
    private readonly Dictionary<string, Task> _inFlight = new(StringComparer.Ordinal);
    private readonly JournalRowSerializer? _rows;
    private readonly JournalBatchWriter? _writer;
    private readonly NpgsqlDataSource? _postgres;

    public CallClusterJournal(Akka.Configuration.Config journalConfig)
        : base(journalConfig)
    {
        ArgumentNullException.ThrowIfNull(journalConfig);
        var config = JournalInsertSql.PluginJournalConfig(journalConfig);
        if (!journalConfig.GetBoolean("callcluster.batch-writer", true))
        {
            return;
        }

        var sql = new JournalInsertSql(config.TableConfig);
        var writerUuid = Guid.NewGuid().ToString("N");
        var dao = config.DaoConfig;
        Func<IJournalRowStore> open;
        if (config.ProviderName.StartsWith("SQLite", StringComparison.OrdinalIgnoreCase))
        {
            var pragmas = journalConfig.GetString("callcluster.sqlite-pragmas", "");
            open = () => new SqliteJournalRowStore(config.ConnectionString, pragmas, sql, writerUuid);
        }
        else
        {
            _postgres = NpgsqlDataSource.Create(config.ConnectionString);
            open = () => new PostgresJournalRowStore(_postgres, sql, writerUuid);
        }

        _rows = new JournalRowSerializer((ExtendedActorSystem)Context.System, config.DefaultSerializer, TimeProvider.System);
        _writer = new JournalBatchWriter(open, Math.Max(1, dao.Parallelism), Math.Max(1, dao.DbRoundTripBatchSize), Math.Max(1, dao.BufferSize));
    }

    public override async Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken)
    {
        if (_newIds.TryTake(persistenceId))
        {
            return 0L;
        }

        if (_inFlight.TryGetValue(persistenceId, out var pending))
        {
            // Whether it was stored or not, the answer must come after it.
            await pending.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
        }

        return await base.ReadHighestSequenceNrAsync(persistenceId, fromSequenceNr, cancellationToken).ConfigureAwait(false);
    }

    protected override Task<IImmutableList<Exception>> WriteMessagesAsync(IEnumerable<AtomicWrite> messages, CancellationToken cancellationToken)
    {
        var writes = messages as IReadOnlyList<AtomicWrite> ?? messages.ToList();
        if (_writer is null || _rows is null || writes.Count == 0 || writes.Any(JournalRowSerializer.HasTags))
        {
            return base.WriteMessagesAsync(writes, cancellationToken);
        }

        // All rows of the request in one transaction, as the plugin writes them: an atomic write
        // is never split, and a failed request stores none of its writes.
        var persistenceId = writes[0].PersistenceId;
        var rows = new List<JournalRowToWrite>();
        var rejections = new Exception[writes.Count];
        var rejected = false;
        for (var i = 0; i < writes.Count; i++)
        {
            try
            {
                rows.AddRange(_rows.Serialize(writes[i]));
            }
            catch (Exception e)
            {
                // As the plugin does: an event that cannot be serialized is rejected, the others are written.
                rejections[i] = e;
                rejected = true;
            }
        }

        var stored = rows.Count == 0 ? Task.CompletedTask : _writer.WriteAsync(persistenceId, [.. rows]);
        var done = Completed(stored, rejected ? rejections.ToImmutableList() : null);
        _inFlight[persistenceId] = done;
        var self = Self;
        done.ContinueWith(
            t => self.Tell(new WriteDone(persistenceId, t)),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return done;
    }

    protected override bool ReceivePluginInternal(object message)
    {
        if (message is WriteDone done)
        {
            if (_inFlight.TryGetValue(done.PersistenceId, out var latest) && latest == done.Write)
            {
                _inFlight.Remove(done.PersistenceId);
            }

            return true;
        }

        return base.ReceivePluginInternal(message);
    }

    protected override void PostStop()
    {
        base.PostStop();
        if (_writer is not null)
        {
            var postgres = _postgres;
            _ = _writer.DisposeAsync().AsTask().ContinueWith(
                _ => postgres?.Dispose(),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    private static async Task<IImmutableList<Exception>> Completed(Task stored, ImmutableList<Exception>? rejections)
    {
        await stored.ConfigureAwait(false);
        return rejections!;
    }

    /// <summary>A write of this id has finished: its highest sequence number no longer waits for it.</summary>
    private sealed record WriteDone(string PersistenceId, Task Write);
}
