using System.Collections.Concurrent;
using CallCluster.Actors.Persistence;

namespace CallCluster.Actors.Tests.Persistence;

/// <summary>How <see cref="JournalBatchWriter"/> groups writes into transactions, on a store that records them.</summary>
public sealed class JournalBatchWriterTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Writes_queued_while_a_batch_commits_go_into_the_next_transaction_together()
    {
        var store = new RecordingStore();
        var (writer, first) = await StartGatedAsync(store, maxRows: 100, capacity: 100);
        await using var _ = writer;
        var queued = new[] { writer.WriteAsync("b", Rows("b", 1, 2)), writer.WriteAsync("c", Rows("c", 1, 2)), writer.WriteAsync("d", Rows("d", 1, 2)) };
        store.Release();

        await Task.WhenAll(queued.Append(first)).WaitAsync(Wait);
        Assert.Equal(["a:1"], store.Committed[0]);
        Assert.Equal(["b:1", "b:2", "c:1", "c:2", "d:1", "d:2"], store.Committed[1]);
        Assert.Equal(2, store.Committed.Count);
    }

    [Fact]
    public async Task A_refused_batch_is_tried_again_write_by_write_and_only_the_refused_write_fails()
    {
        var store = new RecordingStore { Refuse = "bad" };
        var (writer, first) = await StartGatedAsync(store, maxRows: 100, capacity: 100);
        await using var _ = writer;
        var good1 = writer.WriteAsync("g1", Rows("g1", 1, 1));
        var bad = writer.WriteAsync("bad", Rows("bad", 1, 1));
        var good2 = writer.WriteAsync("g2", Rows("g2", 1, 2));
        store.Release();

        await Task.WhenAll(first, good1, good2).WaitAsync(Wait);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => bad.WaitAsync(Wait));
        Assert.Equal("refused bad", refused.Message);
        Assert.Equal(["a:1", "g1:1", "g2:1", "g2:2"], store.Committed.SelectMany(b => b));
        Assert.Equal(2, store.Refused); // the batch, then the bad write alone
    }

    [Fact]
    public async Task A_batch_the_database_could_not_take_fails_at_once_without_trying_each_write_again()
    {
        var store = new RecordingStore { Unreachable = "lost" };
        var (writer, first) = await StartGatedAsync(store, maxRows: 100, capacity: 100);
        await using var _ = writer;
        var batch = new[] { writer.WriteAsync("g1", Rows("g1", 1, 1)), writer.WriteAsync("lost", Rows("lost", 1, 1)), writer.WriteAsync("g2", Rows("g2", 1, 1)) };
        store.Release();

        await first.WaitAsync(Wait);
        foreach (var write in batch)
        {
            var error = await Assert.ThrowsAsync<TimeoutException>(() => write.WaitAsync(Wait));
            Assert.Equal("connection lost", error.Message);
        }

        Assert.Equal(2, store.Inserts); // the first write, then the batch once
        Assert.Equal(["a:1"], store.Committed.SelectMany(b => b));
    }

    [Fact]
    public async Task A_transaction_takes_at_most_max_rows_and_the_rest_waits_for_the_next()
    {
        var store = new RecordingStore();
        var (writer, first) = await StartGatedAsync(store, maxRows: 4, capacity: 100);
        await using var _ = writer;
        var rest = Enumerable.Range(0, 5).Select(i => writer.WriteAsync($"p{i}", Rows($"p{i}", 1, 1))).ToList();
        store.Release();

        await Task.WhenAll(rest.Append(first)).WaitAsync(Wait);
        Assert.Equal([1, 4, 1], store.Committed.Select(b => b.Length));
    }

    [Fact]
    public async Task One_persistence_id_always_commits_in_the_order_it_wrote_whatever_the_lanes()
    {
        var store = new RecordingStore { Gated = false, Jitter = true };
        await using var writer = new JournalBatchWriter(() => store, lanes: 4, maxRows: 3, capacity: 1000);

        var writes = new List<Task>();
        for (var seq = 1; seq <= 60; seq++)
        {
            foreach (var pid in new[] { "x", "y", "z", "w", "v" })
            {
                writes.Add(writer.WriteAsync(pid, Rows(pid, seq, seq)));
            }
        }

        await Task.WhenAll(writes).WaitAsync(Wait);
        var rows = store.Committed.SelectMany(b => b).ToList();
        Assert.Equal(300, rows.Count);
        foreach (var pid in new[] { "x", "y", "z", "w", "v" })
        {
            var order = rows.Where(r => r.StartsWith(pid + ":", StringComparison.Ordinal)).Select(r => int.Parse(r[(pid.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(Enumerable.Range(1, 60), order);
        }
    }

    [Fact]
    public async Task Stopping_the_writer_fails_the_writes_it_did_not_store()
    {
        var store = new RecordingStore();
        var (writer, inProgress) = await StartGatedAsync(store, maxRows: 100, capacity: 100);
        var queued = writer.WriteAsync("b", Rows("b", 1, 1));
        await writer.DisposeAsync().AsTask().WaitAsync(Wait);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => inProgress.WaitAsync(Wait));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => queued.WaitAsync(Wait));
        Assert.Empty(store.Committed);
        Assert.True(store.Disposed);
    }

    [Fact]
    public async Task A_full_queue_makes_the_next_write_wait_for_room_and_loses_nothing()
    {
        var store = new RecordingStore();
        var (writer, first) = await StartGatedAsync(store, maxRows: 100, capacity: 1);
        await using var _ = writer;
        var queued = writer.WriteAsync("b", Rows("b", 1, 1));
        var waiting = writer.WriteAsync("c", Rows("c", 1, 1));
        Assert.False(waiting.IsCompleted);
        store.Release();

        await Task.WhenAll(first, queued, waiting).WaitAsync(Wait);
        Assert.Equal(["a:1", "b:1", "c:1"], store.Committed.SelectMany(b => b));
    }

    /// <summary>A one-lane writer whose store holds its first write (<c>a:1</c>) until released, so that the next writes queue.</summary>
    private static async Task<(JournalBatchWriter Writer, Task First)> StartGatedAsync(RecordingStore store, int maxRows, int capacity)
    {
        var writer = new JournalBatchWriter(() => store, lanes: 1, maxRows: maxRows, capacity: capacity);
        var first = writer.WriteAsync("a", Rows("a", 1, 1));
        await store.Started.Reader.ReadAsync().AsTask().WaitAsync(Wait);
        return (writer, first);
    }

    private static JournalRowToWrite[] Rows(string pid, int from, int to) =>
        [.. Enumerable.Range(from, to - from + 1).Select(seq => new JournalRowToWrite(pid, seq, 0, [1], "m", 1))];

    /// <summary>
    /// Records each committed batch as "pid:seq" strings. When gated, its first insert waits for
    /// <see cref="Release"/> (or for the writer's stop); a batch holding <see cref="Refuse"/> throws.
    /// </summary>
    private sealed class RecordingStore : IJournalRowStore
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ConcurrentQueue<string[]> _committed = new();
        private int _inserts;
        private int _refused;

        public bool Gated { get; init; } = true;

        public string? Refuse { get; init; }

        /// <summary>A batch holding this id fails as a lost connection would (not a refusal).</summary>
        public string? Unreachable { get; init; }

        public int Inserts => Volatile.Read(ref _inserts);

        /// <summary>Each insert takes 0-2 ms, so that lanes overtake each other.</summary>
        public bool Jitter { get; init; }

        public System.Threading.Channels.Channel<int> Started { get; } = System.Threading.Channels.Channel.CreateUnbounded<int>();

        public List<string[]> Committed => [.. _committed];

        public int Refused => _refused;

        public bool Disposed { get; private set; }

        public void Release() => _gate.TrySetResult();

        public async Task InsertAsync(IReadOnlyList<JournalRowToWrite> rows, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _inserts) == 1 && Gated)
            {
                Started.Writer.TryWrite(rows.Count);
                await _gate.Task.WaitAsync(cancellationToken);
            }

            if (Jitter)
            {
                await Task.Delay(Random.Shared.Next(0, 3), cancellationToken);
            }

            if (Unreachable is not null && rows.Any(r => r.PersistenceId == Unreachable))
            {
                throw new TimeoutException("connection lost");
            }

            if (Refuse is not null && rows.Any(r => r.PersistenceId == Refuse))
            {
                Interlocked.Increment(ref _refused);
                throw new InvalidOperationException("refused " + Refuse);
            }

            _committed.Enqueue([.. rows.Select(r => $"{r.PersistenceId}:{r.SequenceNr}")]);
        }

        public bool IsRefusal(Exception error) => error is InvalidOperationException;

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
