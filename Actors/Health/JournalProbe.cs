using CallCluster.Actors.Persistence;

namespace CallCluster.Actors.Health;

/// <summary>Result of one <see cref="JournalProbe"/> check.</summary>
public sealed record JournalHealth(bool Reachable, string? Error)
{
    public static JournalHealth Ok { get; } = new(true, null);
}

/// <summary>For <c>/readyz</c>: opens a connection to the journal's database and runs <c>SELECT 1</c>.</summary>
public sealed class JournalProbe(Database database)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(2);

    public async Task<JournalHealth> CheckAsync(CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(DefaultTimeout);
        try
        {
            await using var connection = await database.OpenAsync(timeout.Token).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            command.CommandTimeout = (int)DefaultTimeout.TotalSeconds;
            await command.ExecuteScalarAsync(timeout.Token).ConfigureAwait(false);
            return JournalHealth.Ok;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new JournalHealth(false, $"journal database did not answer within {DefaultTimeout.TotalSeconds:0} s");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or IOException or TimeoutException or System.Net.Sockets.SocketException)
        {
            return new JournalHealth(false, e.GetBaseException().Message);
        }
    }
}
