namespace CallCluster.Actors.Cdr;

/// <summary>The <c>cdr</c> table in the journal's database.</summary>
public interface ICdrStore
{
    /// <summary>Creates the table when missing.</summary>
    Task EnsureCreatedAsync(CancellationToken cancellationToken = default);

    /// <summary>Inserts the record unless one with the same session id exists; true when inserted.</summary>
    Task<bool> InsertAsync(CdrRecord record, CancellationToken cancellationToken = default);

    /// <summary>The most recent records (by end time, newest first), at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<CdrRecord>> ListAsync(int limit, CancellationToken cancellationToken = default);
}
