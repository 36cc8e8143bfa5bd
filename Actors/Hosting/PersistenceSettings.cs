namespace CallCluster.Actors.Hosting;

/// <summary>Where the journal, snapshots and CDRs live.</summary>
public sealed record PersistenceSettings
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";
    public const string DefaultSqliteConnectionString = "Data Source=./data/callcluster.db";

    /// <summary><c>sqlite</c> (default) or <c>postgres</c>.</summary>
    public string Provider { get; init; } = Sqlite;

    /// <summary>ADO.NET connection string; for SQLite the default is <c>Data Source=./data/callcluster.db</c>.</summary>
    public string ConnectionString { get; init; } = DefaultSqliteConnectionString;

    /// <summary>SQLite only: <c>normal</c> (default; no fsync per commit under write-ahead logging) or <c>full</c> (fsync every commit).</summary>
    public SqliteSynchronous SqliteSynchronous { get; init; } = SqliteSynchronous.Normal;

    /// <summary>
    /// True (default): the journal writes untagged events through its batch writer (all queued
    /// writes in one transaction, statement prepared once); false: through Akka.Persistence.Sql's own
    /// write path. Both write the same rows.
    /// </summary>
    public bool BatchWriter { get; init; } = true;

    public bool IsSqlite => string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase);

    public bool IsPostgres => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// SQLite's synchronous mode for the journal, snapshot and CDR connections. Under write-ahead
/// logging <see cref="Normal"/> loses no commit when the process is killed (the commit is in the
/// log the operating system holds) and can lose the last commits only to a power or kernel
/// failure; <see cref="Full"/> survives those too, at one fsync per commit.
/// </summary>
public enum SqliteSynchronous
{
    Normal,
    Full,
}
