namespace CallCluster.Actors.Sessions;

/// <summary>Tuning of the session entity.</summary>
/// <param name="SnapshotEvery">Save a snapshot after this many journal rows (one per persisting decision).</param>
/// <param name="CdrRetryInterval">Re-send the CDR this often until the writer confirms it.</param>
/// <param name="RetryAfterSeconds">Retry-After given with 503 while the journal fails.</param>
/// <param name="SessionInterval">RFC 4028 session interval: a leg with no refresh for this long is reaped.</param>
public sealed record SessionSettings(
    int SnapshotEvery,
    TimeSpan CdrRetryInterval,
    int RetryAfterSeconds,
    TimeSpan SessionInterval)
{
    public static SessionSettings Default { get; } = new(50, TimeSpan.FromSeconds(5), 5, TimeSpan.FromSeconds(1800));

    /// <summary>
    /// An established leg still without the endpoint its re-anchoring asked for after this long is
    /// allocated again. This bounds what an allocation lost on its way costs the call (the media
    /// role's router can still hold a media node that crash downing has just downed). A reply that
    /// is only slow costs nothing: a media node answers a repeated allocation for the same session
    /// and leg with the same endpoint, and the session releases an endpoint it no longer needs.
    /// </summary>
    public TimeSpan MediaRetryInterval { get; init; } = TimeSpan.FromMilliseconds(500);
}
