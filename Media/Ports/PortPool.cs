namespace CallCluster.Media.Ports;

/// <summary>
/// The RTP port pairs of a range. Pairs are handed out least recently used first (so a port freed
/// a moment ago is not reused while stray packets may still arrive) and each lease is released
/// exactly once: a second release is refused. Owned by one actor; not thread-safe.
/// </summary>
public sealed class PortPool
{
    private readonly Queue<int> free = new();
    private readonly Dictionary<long, PortLease> leased = [];
    private readonly string range;
    private long nextId = 1;

    /// <summary>Builds the pool of every even port in [start, end] whose odd neighbour is also in range.</summary>
    public PortPool(int start, int end)
    {
        if (start < 1 || end > 65535 || end < start)
        {
            throw new ArgumentOutOfRangeException(nameof(start), "port range must be within 1-65535 and not reversed");
        }

        int first = start % 2 == 0 ? start : start + 1;
        for (int port = first; port + 1 <= end; port += 2)
        {
            free.Enqueue(port);
        }

        range = $"{start}-{end}";
        Capacity = free.Count;
        if (Capacity == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(start), "port range holds no even/odd pair");
        }
    }

    /// <summary>Port pairs in the pool.</summary>
    public int Capacity { get; }

    /// <summary>Pairs currently leased.</summary>
    public int LeasedPairs => leased.Count;

    /// <summary>Pairs that can still be leased.</summary>
    public int FreePairs => free.Count;

    /// <summary>Ports in use by leases (1 per rtcp-mux lease, 2 otherwise).</summary>
    public int PortsInUse { get; private set; }

    /// <summary>Leases a pair; false when the pool is exhausted.</summary>
    public bool TryLease(bool rtcpMux, out PortLease? lease)
    {
        if (!free.TryDequeue(out int port))
        {
            lease = null;
            return false;
        }

        lease = new PortLease(nextId++, port, rtcpMux ? port : port + 1, rtcpMux);
        leased.Add(lease.Id, lease);
        PortsInUse += lease.PortCount;
        PortMetrics.Changed(lease.PortCount, range);
        return true;
    }

    /// <summary>Returns a lease's pair to the pool; false (and nothing changes) if it was already released or is not ours.</summary>
    public bool Release(PortLease lease)
    {
        if (!leased.Remove(lease.Id, out var held) || held != lease)
        {
            if (held is not null)
            {
                leased.Add(held.Id, held);
            }

            return false;
        }

        PortsInUse -= lease.PortCount;
        PortMetrics.Changed(-lease.PortCount, range);
        free.Enqueue(lease.RtpPort);
        return true;
    }
}
