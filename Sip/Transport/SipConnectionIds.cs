namespace CallCluster.Sip.Transport;

/// <summary>Hands out connection ids, unique among the transports sharing one instance (never 0).</summary>
public sealed class SipConnectionIds
{
    private long _last;

    /// <summary>The next id.</summary>
    public long Next() => Interlocked.Increment(ref _last);
}
