using System.Data.Common;
using System.Runtime.CompilerServices;
using Akka.Persistence.Sql.Config;
using CallCluster.Actors.Hosting;
using LinqToDB;
using Microsoft.Data.Sqlite;

namespace CallCluster.Actors.Persistence;

/// <summary>
/// The connection options the journal and snapshot store open their connections with. On SQLite
/// each physical connection runs <see cref="SqliteConnectionPragmas"/> the first time the pool
/// hands it out (the durability mode and the lock wait are per connection in SQLite, and a pooled
/// connection keeps them); PostgreSQL connections are used as they open.
/// </summary>
public static class JournalConnections
{
    /// <summary>The linq2db options for the configured database, handed to Akka.Persistence.Sql as a setup.</summary>
    public static DataOptionsSetup Setup(PersistenceSettings persistence)
    {
        ArgumentNullException.ThrowIfNull(persistence);
        var connection = persistence.IsSqlite
            ? ConnectionStrings.NormalizeSqlite(persistence.ConnectionString)
            : persistence.ConnectionString;
        var options = new DataOptions().UseConnectionString(
            persistence.IsSqlite ? CallClusterConfig.SqliteProviderName : CallClusterConfig.PostgresProviderName,
            connection);
        if (persistence.IsSqlite)
        {
            var tuning = new SqliteTuning(SqliteConnectionPragmas(persistence.SqliteSynchronous));
            options = options.UseAfterConnectionOpened(tuning.Apply, tuning.ApplyAsync);
        }

        return new DataOptionsSetup(options);
    }

    /// <summary>
    /// What each SQLite connection runs when it opens: the synchronous mode (<c>NORMAL</c> by
    /// default: under write-ahead logging a commit reaches the log without an fsync, so a killed
    /// process loses nothing and only a power loss can take back the last commits; <c>FULL</c>
    /// fsyncs every commit) and a 10 s wait inside SQLite for the write lock.
    /// </summary>
    public static string SqliteConnectionPragmas(SqliteSynchronous synchronous) =>
        $"PRAGMA synchronous={(synchronous == SqliteSynchronous.Full ? "FULL" : "NORMAL")}; PRAGMA busy_timeout=10000;";

    /// <summary>Runs the pragmas once per physical SQLite connection (known by its native handle).</summary>
    private sealed class SqliteTuning(string pragmas)
    {
        private readonly ConditionalWeakTable<object, object> _tuned = [];

        public void Apply(DbConnection connection)
        {
            if (Untuned(connection) is { } handle)
            {
                using var command = connection.CreateCommand();
                command.CommandText = pragmas;
                command.ExecuteNonQuery();
                _tuned.AddOrUpdate(handle, handle);
            }
        }

        /// <summary>The same as <see cref="Apply"/>: Microsoft.Data.Sqlite runs its asynchronous commands synchronously.</summary>
        public Task ApplyAsync(DbConnection connection, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Apply(connection);
            return Task.CompletedTask;
        }

        private object? Untuned(DbConnection connection) =>
            connection is SqliteConnection { Handle: { } handle } && !_tuned.TryGetValue(handle, out _) ? handle : null;
    }
}
