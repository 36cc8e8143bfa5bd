using System.Data.Common;
using System.Text.Json;
using CallCluster.Actors.Persistence;
using CallCluster.Actors.Serialization;

namespace CallCluster.Actors.Cdr;

/// <summary>
/// Table <c>cdr</c> in the journal's database, keyed by session id; inserting an existing id does nothing
/// (<c>INSERT ... ON CONFLICT (session_id) DO NOTHING</c>, the same statement on SQLite and PostgreSQL).
/// </summary>
public sealed class SqlCdrStore(Database database) : ICdrStore
{
    public const int MaxListLimit = 1000;

    private const string CreateSql = """
        CREATE TABLE IF NOT EXISTS cdr (
            session_id VARCHAR(255) NOT NULL PRIMARY KEY,
            kind VARCHAR(64) NOT NULL,
            start_ms BIGINT NOT NULL,
            answer_ms BIGINT NULL,
            end_ms BIGINT NOT NULL,
            duration_ms BIGINT NOT NULL,
            end_reason VARCHAR(255) NOT NULL,
            record TEXT NOT NULL)
        """;

    private const string IndexSql = "CREATE INDEX IF NOT EXISTS cdr_end_ms ON cdr (end_ms)";

    private const string InsertSql = """
        INSERT INTO cdr (session_id, kind, start_ms, answer_ms, end_ms, duration_ms, end_reason, record)
        VALUES (@id, @kind, @start, @answer, @end, @duration, @reason, @record)
        ON CONFLICT (session_id) DO NOTHING
        """;

    private static readonly JsonSerializerOptions Json = CallClusterJson.CreateOptions(null);

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var sql in new[] { CreateSql, IndexSql })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<bool> InsertAsync(CdrRecord record, CancellationToken cancellationToken = default) =>
        (await InsertManyAsync([record], cancellationToken).ConfigureAwait(false)) > 0;

    /// <summary>Inserts the records in one transaction; returns how many were new.</summary>
    public async Task<int> InsertManyAsync(IReadOnlyList<CdrRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var inserted = 0;
        foreach (var record in records)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = InsertSql;
            Bind(command, record);
            inserted += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return inserted;
    }

    public async Task<IReadOnlyList<CdrRecord>> ListAsync(int limit, CancellationToken cancellationToken = default)
    {
        limit = Math.Clamp(limit, 1, MaxListLimit);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT record FROM cdr ORDER BY end_ms DESC, session_id LIMIT @limit";
        Database.Parameter(command, "@limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var records = new List<CdrRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var record = JsonSerializer.Deserialize<CdrRecord>(reader.GetString(0), Json);
            if (record is not null)
            {
                records.Add(record);
            }
        }

        return records;
    }

    private static void Bind(DbCommand command, CdrRecord record)
    {
        Database.Parameter(command, "@id", record.SessionId);
        Database.Parameter(command, "@kind", record.Kind);
        Database.Parameter(command, "@start", record.Start.ToUnixTimeMilliseconds());
        Database.Parameter(command, "@answer", record.Answer?.ToUnixTimeMilliseconds());
        Database.Parameter(command, "@end", record.End.ToUnixTimeMilliseconds());
        Database.Parameter(command, "@duration", (long)record.Duration.TotalMilliseconds);
        Database.Parameter(command, "@reason", record.EndReason);
        Database.Parameter(command, "@record", JsonSerializer.Serialize(record, Json));
    }
}
