using System.Threading.Channels;

namespace CallCluster.Actors.Persistence;

/// <summary>
/// Writes journal rows in batches: each lane owns one <see cref="IJournalRowStore"/> and a bounded
/// queue, takes everything queued (up to <c>maxRows</c> rows) and stores it in one transaction. A
/// persistence id always goes to the same lane, so its writes commit in the order they were made.
/// When the database refuses a batch (a constraint), each of its writes is tried again on its own,
/// so that one bad write (a duplicate key) fails only the actor that made it; any other failure
/// (a lost connection) fails the whole batch at once.
/// </summary>
public sealed class JournalBatchWriter : IAsyncDisposable
{
    private readonly Lane[] _lanes;
    private readonly CancellationTokenSource _stop = new();

    /// <param name="openStore">Makes the store of one lane; called once per lane.</param>
    /// <param name="lanes">Concurrent transactions (1 for SQLite, which has one writer).</param>
    /// <param name="maxRows">Rows per transaction at most (a single write larger than this goes alone).</param>
    /// <param name="capacity">Writes waiting per lane before <see cref="WriteAsync"/> waits for room.</param>
    public JournalBatchWriter(Func<IJournalRowStore> openStore, int lanes, int maxRows, int capacity)
    {
        ArgumentNullException.ThrowIfNull(openStore);
        ArgumentOutOfRangeException.ThrowIfLessThan(lanes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _lanes = new Lane[lanes];
        for (var i = 0; i < lanes; i++)
        {
            _lanes[i] = new Lane(openStore(), maxRows, capacity, _stop.Token);
        }
    }

    /// <summary>Completes when the rows are committed; faults with the database's error when they are not.</summary>
    public Task WriteAsync(string persistenceId, JournalRowToWrite[] rows)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        ArgumentNullException.ThrowIfNull(rows);
        var lane = _lanes[(int)((uint)StringComparer.Ordinal.GetHashCode(persistenceId) % (uint)_lanes.Length)];
        return lane.Enqueue(rows);
    }

    /// <summary>Stops taking writes; those still queued fail, the batch in progress ends with the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var lane in _lanes)
        {
            lane.Complete();
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        foreach (var lane in _lanes)
        {
            await lane.DisposeAsync().ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private sealed record PendingWrite(JournalRowToWrite[] Rows, TaskCompletionSource Done);

    private sealed class Lane : IAsyncDisposable
    {
        private readonly Channel<PendingWrite> _queue;
        private readonly IJournalRowStore _store;
        private readonly int _maxRows;
        private readonly CancellationToken _stop;
        private readonly Task _loop;

        public Lane(IJournalRowStore store, int maxRows, int capacity, CancellationToken stop)
        {
            _store = store;
            _maxRows = maxRows;
            _stop = stop;
            _queue = Channel.CreateBounded<PendingWrite>(new BoundedChannelOptions(capacity)
            {
                SingleReader = true,
                FullMode = BoundedChannelFullMode.Wait,
            });
            _loop = Task.Run(RunAsync, CancellationToken.None);
        }

        public Task Enqueue(JournalRowToWrite[] rows)
        {
            var write = new PendingWrite(rows, new TaskCompletionSource());
            return _queue.Writer.TryWrite(write) ? write.Done.Task : EnqueueSlowAsync(write);
        }

        public void Complete() => _queue.Writer.TryComplete();

        public async ValueTask DisposeAsync()
        {
            await _loop.ConfigureAwait(false);
            while (_queue.Reader.TryRead(out var left))
            {
                left.Done.TrySetException(new ObjectDisposedException(nameof(JournalBatchWriter), "the journal stopped before this write was stored"));
            }

            await _store.DisposeAsync().ConfigureAwait(false);
        }

        private async Task EnqueueSlowAsync(PendingWrite write)
        {
            await _queue.Writer.WriteAsync(write, _stop).ConfigureAwait(false);
            await write.Done.Task.ConfigureAwait(false);
        }

        private async Task RunAsync()
        {
            var batch = new List<PendingWrite>();
            var rows = new List<JournalRowToWrite>();
            try
            {
                while (await _queue.Reader.WaitToReadAsync(_stop).ConfigureAwait(false))
                {
                    batch.Clear();
                    rows.Clear();
                    while (rows.Count < _maxRows && _queue.Reader.TryRead(out var write))
                    {
                        batch.Add(write);
                        rows.AddRange(write.Rows);
                    }

                    await CommitAsync(batch, rows).ConfigureAwait(false);
                }
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                foreach (var write in batch)
                {
                    write.Done.TrySetCanceled(_stop);
                }
            }
        }

        private async Task CommitAsync(List<PendingWrite> batch, List<JournalRowToWrite> rows)
        {
            try
            {
                await _store.InsertAsync(rows, _stop).ConfigureAwait(false);
                foreach (var write in batch)
                {
                    write.Done.TrySetResult();
                }

                return;
            }
            catch (Exception e) when (batch.Count == 1 && !_stop.IsCancellationRequested)
            {
                batch[0].Done.TrySetException(e);
                return;
            }
            catch (Exception e) when (!_stop.IsCancellationRequested && !_store.IsRefusal(e))
            {
                // The database took nothing (connection lost, timeout): trying each write again
                // would only wait that long once per write.
                foreach (var write in batch)
                {
                    write.Done.TrySetException(e);
                }

                return;
            }
            catch (Exception) when (!_stop.IsCancellationRequested)
            {
                // Nothing of the batch is stored: find the write that the database refuses.
            }

            foreach (var write in batch)
            {
                try
                {
                    await _store.InsertAsync(write.Rows, _stop).ConfigureAwait(false);
                    write.Done.TrySetResult();
                }
                catch (Exception e) when (!_stop.IsCancellationRequested)
                {
                    write.Done.TrySetException(e);
                }
            }
        }
    }
}
