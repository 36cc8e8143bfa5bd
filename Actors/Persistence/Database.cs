using System.Data.Common;
using CallCluster.Actors.Hosting;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CallCluster.Actors.Persistence;

/// <summary>Opens connections to the journal's database (SQLite or PostgreSQL) for CDRs and health probes.</summary>
public sealed class Database
{
    private readonly string _connectionString;

    public Database(PersistenceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        _connectionString = settings.IsSqlite
            ? ConnectionStrings.NormalizeSqlite(settings.ConnectionString)
            : settings.ConnectionString;
    }

    public PersistenceSettings Settings { get; }

    public bool IsSqlite => Settings.IsSqlite;

    /// <summary>The connection string the node actually uses (SQLite: absolute path, Default Timeout set).</summary>
    public string ConnectionString => _connectionString;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        DbConnection connection = IsSqlite ? new SqliteConnection(_connectionString) : new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (IsSqlite)
            {
                // The journal's synchronous mode, and a wait for its write lock inside SQLite (short
                // sleeps) rather than failing with SQLITE_BUSY and retrying after a long one.
                await using var command = connection.CreateCommand();
                command.CommandText = JournalConnections.SqliteConnectionPragmas(Settings.SqliteSynchronous);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// SQLite only: creates the database folder and turns on write-ahead logging (a property of the
    /// file, so once is enough). Nothing to do for PostgreSQL.
    /// </summary>
    public async Task PrepareAsync(CancellationToken cancellationToken = default)
    {
        if (!IsSqlite)
        {
            return;
        }

        var folder = ConnectionStrings.SqliteFolder(_connectionString);
        if (folder is not null)
        {
            System.IO.Directory.CreateDirectory(folder);
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Synchronous <see cref="PrepareAsync"/> for start-up code that cannot await.</summary>
    public void Prepare() => PrepareAsync().GetAwaiter().GetResult();

    internal static DbParameter Parameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
