using Akka.Persistence.Sql;
using Akka.Persistence.Sql.Config;

namespace CallCluster.Actors.Persistence;

/// <summary>
/// The INSERT statements of the journal table, with the table and column names Akka.Persistence.Sql
/// is configured with (its <c>table-mapping</c>), so both write the same table.
/// </summary>
public sealed class JournalInsertSql
{
    public JournalInsertSql(JournalTableConfig table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var journal = table.EventJournalTable;
        var c = journal.ColumnNames;
        WritesUuid = journal.UseWriterUuidColumn;
        var columns = new List<string> { c.Created, c.Deleted, c.PersistenceId, c.SequenceNumber, c.Message, c.Manifest, c.Identifier };
        if (WritesUuid)
        {
            columns.Add(c.WriterUuid);
        }

        var sqliteTable = Quote(journal.Name, '[', ']');
        var sqliteColumns = string.Join(", ", columns.Select(n => Quote(n, '[', ']')));
        Sqlite = $"INSERT INTO {sqliteTable} ({sqliteColumns}) VALUES ($created, 0, $pid, $seq, $message, $manifest, $identifier{(WritesUuid ? ", $writer" : "")})";

        var pgTable = (string.IsNullOrEmpty(table.SchemaName) ? "" : Quote(table.SchemaName, '"', '"') + ".") + Quote(journal.Name, '"', '"');
        var pgColumns = string.Join(", ", columns.Select(n => Quote(n, '"', '"')));
        Postgres = $"INSERT INTO {pgTable} ({pgColumns}) SELECT c, false, p, s, m, mf, i{(WritesUuid ? ", @writer" : "")} " +
            "FROM unnest(@created, @pid, @seq, @message, @manifest, @identifier) AS t(c, p, s, m, mf, i)";
    }

    /// <summary>The statements for the journal configured by <paramref name="pluginConfig"/> (<c>akka.persistence.journal.sql</c>).</summary>
    public static JournalInsertSql FromPluginConfig(Akka.Configuration.Config pluginConfig) =>
        new(PluginJournalConfig(pluginConfig).TableConfig);

    /// <summary>The plugin's settings as it reads them: <paramref name="pluginConfig"/> over its defaults.</summary>
    public static JournalConfig PluginJournalConfig(Akka.Configuration.Config pluginConfig) =>
        new(pluginConfig.WithFallback(SqlPersistence.DefaultJournalConfiguration));

    /// <summary>True when the table has the writer id column (the plugin's default).</summary>
    public bool WritesUuid { get; }

    /// <summary>One row, named parameters <c>$created $pid $seq $message $manifest $identifier $writer</c>.</summary>
    public string Sqlite { get; }

    /// <summary>Any number of rows in one statement: parallel arrays unnested, and <c>@writer</c>.</summary>
    public string Postgres { get; }

    private static string Quote(string name, char open, char close)
    {
        if (name.Contains(close, StringComparison.Ordinal))
        {
            throw new ArgumentException($"journal table or column name {name} cannot be quoted", nameof(name));
        }

        return open + name + close;
    }
}
