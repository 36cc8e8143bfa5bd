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

    public bool IsSqlite => string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase);

    public bool IsPostgres => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase);
}
