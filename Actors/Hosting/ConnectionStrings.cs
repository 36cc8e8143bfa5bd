using Microsoft.Data.Sqlite;
using Npgsql;

namespace CallCluster.Actors.Hosting;

/// <summary>Parses and normalises the journal connection string for each provider.</summary>
public static class ConnectionStrings
{
    /// <summary>Default busy timeout (seconds) for SQLite; below the journal circuit breaker's 10 s call timeout.</summary>
    public const int SqliteDefaultTimeoutSeconds = 5;

    /// <summary>A one-line description of what is wrong, or null.</summary>
    public static string? Problem(PersistenceSettings persistence)
    {
        try
        {
            if (persistence.IsSqlite)
            {
                var builder = new SqliteConnectionStringBuilder(persistence.ConnectionString);
                return string.IsNullOrWhiteSpace(builder.DataSource) ? "SQLite needs a Data Source" : null;
            }

            if (persistence.IsPostgres)
            {
                var builder = new NpgsqlConnectionStringBuilder(persistence.ConnectionString);
                return string.IsNullOrWhiteSpace(builder.Host) ? "PostgreSQL needs a Host" : null;
            }

            return null;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return $"cannot be parsed ({e.Message})";
        }
    }

    /// <summary>
    /// The SQLite connection string the node uses: the data source made absolute, and
    /// <c>Default Timeout=5</c> unless the operator chose another value.
    /// </summary>
    public static string NormalizeSqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrWhiteSpace(builder.DataSource) && !IsInMemory(builder))
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource);
        }

        if (!connectionString.Contains("Default Timeout", StringComparison.OrdinalIgnoreCase)
            && !connectionString.Contains("DefaultTimeout", StringComparison.OrdinalIgnoreCase)
            && !connectionString.Contains("Command Timeout", StringComparison.OrdinalIgnoreCase))
        {
            builder.DefaultTimeout = SqliteDefaultTimeoutSeconds;
        }

        return builder.ConnectionString;
    }

    /// <summary>The folder holding the SQLite file, or null for in-memory databases.</summary>
    public static string? SqliteFolder(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(builder.DataSource) || IsInMemory(builder))
        {
            return null;
        }

        return Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
    }

    private static bool IsInMemory(SqliteConnectionStringBuilder builder) =>
        builder.Mode == SqliteOpenMode.Memory
        || string.Equals(builder.DataSource, ":memory:", StringComparison.OrdinalIgnoreCase);
}
