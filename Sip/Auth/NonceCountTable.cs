namespace CallCluster.Sip.Auth;

/// <summary>Outcome of <see cref="NonceCountTable.Check"/>.</summary>
public enum NonceCountResult
{
    /// <summary>nc is higher than any seen for this nonce; it is now the highest.</summary>
    Accepted,

    /// <summary>nc was already used (or a lower one arrived): a replay.</summary>
    Replay,

    /// <summary>The nonce was evicted to keep memory bounded; the client must get a new one (stale).</summary>
    Forgotten,
}

/// <summary>
/// Replay protection for qop=auth: the highest nonce-count seen per nonce (RFC 7616 section 3.4).
/// Memory is bounded: at most <c>capacity</c> nonces; entries go oldest first when full or when
/// their nonce is past its lifetime. A nonce issued no later than one that was evicted for space
/// is answered <see cref="NonceCountResult.Forgotten"/> so that eviction never reopens a replay.
/// Not thread-safe by design: one instance is owned by one actor or one loop.
/// </summary>
public sealed class NonceCountTable
{
    private readonly Dictionary<string, uint> _lastCount = new(StringComparer.Ordinal);
    private readonly Queue<(string Nonce, DateTimeOffset IssuedAt)> _order = new();
    private readonly TimeProvider _time;
    private DateTimeOffset _forgottenUpTo = DateTimeOffset.MinValue;

    public NonceCountTable(int capacity, TimeSpan nonceLifetime, TimeProvider time)
    {
        if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity));
        Capacity = capacity;
        NonceLifetime = nonceLifetime;
        _time = time;
    }

    /// <summary>Most nonces tracked at once.</summary>
    public int Capacity { get; }

    /// <summary>After this age an entry may be dropped: its nonce is refused as stale anyway.</summary>
    public TimeSpan NonceLifetime { get; }

    /// <summary>Number of nonces tracked now.</summary>
    public int Count => _lastCount.Count;

    /// <summary>Records <paramref name="nonceCount"/> for <paramref name="nonce"/> if it is new and higher.</summary>
    public NonceCountResult Check(string nonce, DateTimeOffset issuedAt, uint nonceCount)
    {
        Evict();
        if (_lastCount.TryGetValue(nonce, out var last))
        {
            if (nonceCount <= last) return NonceCountResult.Replay;
            _lastCount[nonce] = nonceCount;
            return NonceCountResult.Accepted;
        }
        if (issuedAt <= _forgottenUpTo) return NonceCountResult.Forgotten;
        if (nonceCount == 0) return NonceCountResult.Replay;
        if (_lastCount.Count >= Capacity) EvictOldest();
        _lastCount[nonce] = nonceCount;
        _order.Enqueue((nonce, issuedAt));
        return NonceCountResult.Accepted;
    }

    private void Evict()
    {
        var cutoff = _time.GetUtcNow() - NonceLifetime;
        while (_order.Count > 0 && _order.Peek().IssuedAt < cutoff)
        {
            _lastCount.Remove(_order.Dequeue().Nonce);
        }
    }

    private void EvictOldest()
    {
        var (nonce, issuedAt) = _order.Dequeue();
        _lastCount.Remove(nonce);
        if (issuedAt > _forgottenUpTo) _forgottenUpTo = issuedAt;
    }
}
