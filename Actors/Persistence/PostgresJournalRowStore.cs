using System.Data;
using Npgsql;
using NpgsqlTypes;

namespace CallCluster.Actors.Persistence;

/// <summary>
/// Journal rows into PostgreSQL: one connection, one prepared statement that inserts a whole batch
/// from parallel arrays (<c>unnest</c>), so a batch of any size is one round trip and one commit.
/// </summary>
public sealed class PostgresJournalRowStore(NpgsqlDataSource dataSource, JournalInsertSql sql, string writerUuid) : IJournalRowStore
{
    private NpgsqlConnection? _connection;
    private NpgsqlCommand? _insert;

    public async Task InsertAsync(IReadOnlyList<JournalRowToWrite> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var insert = _insert ?? await OpenAsync(cancellationToken).ConfigureAwait(false);
        var created = new long[rows.Count];
        var pids = new string[rows.Count];
        var sequenceNrs = new long[rows.Count];
        var messages = new byte[rows.Count][];
        var manifests = new string[rows.Count];
        var identifiers = new int[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            created[i] = row.Created;
            pids[i] = row.PersistenceId;
            sequenceNrs[i] = row.SequenceNr;
            messages[i] = row.Message;
            manifests[i] = row.Manifest;
            identifiers[i] = row.Identifier;
        }

        var p = insert.Parameters;
        p[0].Value = created;
        p[1].Value = pids;
        p[2].Value = sequenceNrs;
        p[3].Value = messages;
        p[4].Value = manifests;
        p[5].Value = identifiers;
        try
        {
            // One statement is one transaction: every row is stored, or none.
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            if (_connection?.State != ConnectionState.Open)
            {
                await CloseAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>SQLSTATE class 23, integrity constraint violation.</summary>
    public bool IsRefusal(Exception error) => error is PostgresException { SqlState: [ '2', '3', ..] };

    public ValueTask DisposeAsync() => CloseAsync();

    private async Task<NpgsqlCommand> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var insert = new NpgsqlCommand(sql.Postgres, connection);
            insert.Parameters.Add(new NpgsqlParameter("created", NpgsqlDbType.Array | NpgsqlDbType.Bigint));
            insert.Parameters.Add(new NpgsqlParameter("pid", NpgsqlDbType.Array | NpgsqlDbType.Text));
            insert.Parameters.Add(new NpgsqlParameter("seq", NpgsqlDbType.Array | NpgsqlDbType.Bigint));
            insert.Parameters.Add(new NpgsqlParameter("message", NpgsqlDbType.Array | NpgsqlDbType.Bytea));
            insert.Parameters.Add(new NpgsqlParameter("manifest", NpgsqlDbType.Array | NpgsqlDbType.Text));
            insert.Parameters.Add(new NpgsqlParameter("identifier", NpgsqlDbType.Array | NpgsqlDbType.Integer));
            if (sql.WritesUuid)
            {
                insert.Parameters.Add(new NpgsqlParameter("writer", NpgsqlDbType.Text) { Value = writerUuid });
            }

            await insert.PrepareAsync(cancellationToken).ConfigureAwait(false);
            _connection = connection;
            _insert = insert;
            return insert;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async ValueTask CloseAsync()
    {
        if (_insert is not null)
        {
            await _insert.DisposeAsync().ConfigureAwait(false);
            _insert = null;
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
            _connection = null;
        }
    }
}
