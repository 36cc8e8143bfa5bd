namespace CallCluster.Sip.Transactions;

/// <summary>
/// Deadlines of all running transaction timers in one priority queue. Cancelling or restarting a
/// timer bumps its version; stale queue entries are skipped when they come due, and the queue is
/// compacted when stale entries outnumber live ones, so memory stays proportional to the running
/// timers. Not thread-safe: owned by <see cref="TransactionLayer"/>.
/// </summary>
internal sealed class TimerQueue
{
    private const int CompactionFloor = 1024;
    private readonly PriorityQueue<TimerEntry, DateTimeOffset> _queue = new();
    private int _running;

    /// <summary>Number of timers currently running.</summary>
    public int Running => _running;

    public void Schedule(TransactionEntry owner, TransactionTimer timer, DateTimeOffset due)
    {
        if (!owner.IsRunning(timer))
        {
            _running++;
        }

        var version = owner.Arm(timer);
        _queue.Enqueue(new TimerEntry(owner, timer, version), due);
        if (_queue.Count > CompactionFloor + (2 * _running))
        {
            Compact();
        }
    }

    public void Cancel(TransactionEntry owner, TransactionTimer timer)
    {
        if (owner.Disarm(timer))
        {
            _running--;
        }
    }

    public void CancelAll(TransactionEntry owner)
    {
        for (var timer = TransactionTimer.A; timer <= TransactionTimer.M; timer++)
        {
            Cancel(owner, timer);
        }
    }

    /// <summary>Earliest deadline of a running timer, discarding stale entries at the head.</summary>
    public DateTimeOffset? Peek()
    {
        while (_queue.TryPeek(out var entry, out var due))
        {
            if (entry.IsLive)
            {
                return due;
            }

            _queue.Dequeue();
        }

        return null;
    }

    /// <summary>Removes and returns the next running timer due at or before <paramref name="now"/>.</summary>
    public bool TryTakeDue(DateTimeOffset now, out TransactionEntry owner, out TransactionTimer timer)
    {
        while (_queue.TryPeek(out var entry, out var due) && due <= now)
        {
            _queue.Dequeue();
            if (entry.IsLive)
            {
                Cancel(entry.Owner, entry.Timer);
                owner = entry.Owner;
                timer = entry.Timer;
                return true;
            }
        }

        owner = null!;
        timer = default;
        return false;
    }

    private void Compact()
    {
        var live = new List<(TimerEntry, DateTimeOffset)>(_running);
        foreach (var (entry, due) in _queue.UnorderedItems)
        {
            if (entry.IsLive)
            {
                live.Add((entry, due));
            }
        }

        _queue.Clear();
        _queue.EnqueueRange(live);
    }

    private readonly record struct TimerEntry(TransactionEntry Owner, TransactionTimer Timer, int Version)
    {
        public bool IsLive => Owner.IsRunning(Timer) && Owner.TimerVersion(Timer) == Version;
    }
}
