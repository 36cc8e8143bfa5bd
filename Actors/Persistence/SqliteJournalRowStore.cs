using System.Data;
using Microsoft.Data.Sqlite;

namespace CallCluster.Actors.Persistence;

/// <summary>
/// Journal rows into a SQLite file: one connection (opened with the node's pragmas), one prepared
/// single-row INSERT executed per row inside a write transaction (<c>BEGIN IMMEDIATE</c>) per batch.
/// </summary>
public sealed class SqliteJournalRowStore(string connectionString, string pragmas, JournalInsertSql sql, string writerUuid) : IJournalRowStore
{
    private SqliteConnection? _connection;
    private SqliteCommand? _insert;

    public Task InsertAsync(IReadOnlyList<JournalRowToWrite> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        cancellationToken.ThrowIfCancellationRequested();
        var insert = _insert ?? Open();
        try
        {
            using var transaction = _connection!.BeginTransaction(IsolationLevel.Serializable);
            insert.Transaction = transaction;
            var p = insert.Parameters;
            foreach (var row in rows)
            {
                p[0].Value = row.Created;
                p[1].Value = row.PersistenceId;
                p[2].Value = row.SequenceNr;
                p[3].Value = row.Message;
                p[4].Value = row.Manifest;
                p[5].Value = row.Identifier;
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
            return Task.CompletedTask;
        }
        catch
        {
            if (_connection?.State != ConnectionState.Open)
            {
                Close();
            }

            throw;
        }
        finally
        {
            if (_insert is not null)
            {
                _insert.Transaction = null;
            }
        }
    }

    /// <summary>SQLITE_CONSTRAINT (19), with any extended code.</summary>
    public bool IsRefusal(Exception error) => error is SqliteException { SqliteErrorCode: 19 };

    public ValueTask DisposeAsync()
    {
        Close();
        return ValueTask.CompletedTask;
    }

    private SqliteCommand Open()
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using (var tuning = connection.CreateCommand())
            {
                tuning.CommandText = pragmas;
                tuning.ExecuteNonQuery();
            }

            var insert = connection.CreateCommand();
            insert.CommandText = sql.Sqlite;
            insert.Parameters.Add("$created", SqliteType.Integer);
            insert.Parameters.Add("$pid", SqliteType.Text);
            insert.Parameters.Add("$seq", SqliteType.Integer);
            insert.Parameters.Add("$message", SqliteType.Blob);
            insert.Parameters.Add("$manifest", SqliteType.Text);
            insert.Parameters.Add("$identifier", SqliteType.Integer);
            if (sql.WritesUuid)
            {
                insert.Parameters.Add("$writer", SqliteType.Text).Value = writerUuid;
            }

            _connection = connection;
            _insert = insert;
            return insert;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void Close()
    {
        _insert?.Dispose();
        _insert = null;
        _connection?.Dispose();
        _connection = null;
    }
}
