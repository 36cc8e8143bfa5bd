namespace CallCluster.Actors.Persistence;

/// <summary>
/// Inserts journal rows into the database over one connection that it keeps open between batches,
/// with its statement prepared once. Used by one writer loop at a time.
/// </summary>
public interface IJournalRowStore : IAsyncDisposable
{
    /// <summary>Inserts every row in one transaction: all of them are stored, or none.</summary>
    Task InsertAsync(IReadOnlyList<JournalRowToWrite> rows, CancellationToken cancellationToken);

    /// <summary>
    /// True when <paramref name="error"/> is the database refusing the rows (a constraint), as
    /// opposed to failing to take any (a lost connection, a timeout): only a refusal is worth
    /// trying again write by write.
    /// </summary>
    bool IsRefusal(Exception error);
}
