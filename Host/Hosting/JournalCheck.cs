using System.Data.Common;
using CallCluster.Host.Configuration;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CallCluster.Host.Hosting;

/// <summary>Checks that the journal's database answers a trivial query.</summary>
public sealed class JournalCheck(PersistenceSection persistence)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    /// <summary>Null when the database answered, else a one-line reason.</summary>
    public async Task<string?> ProblemAsync(CancellationToken cancellation)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(Timeout);
        try
        {
            await using var connection = Open();
            await connection.OpenAsync(timeout.Token);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            command.CommandTimeout = (int)Timeout.TotalSeconds;
            await command.ExecuteScalarAsync(timeout.Token);
            return null;
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return $"journal database did not answer within {Timeout.TotalSeconds:0} s";
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            return $"journal database unreachable: {e.Message.ReplaceLineEndings(" ")}";
        }
    }

    private DbConnection Open() => persistence.Provider == "postgres"
        ? new NpgsqlConnection(persistence.ConnectionString)
        : new SqliteConnection(new SqliteConnectionStringBuilder(persistence.ConnectionString) { DefaultTimeout = (int)Timeout.TotalSeconds, Pooling = false }.ConnectionString);
}
