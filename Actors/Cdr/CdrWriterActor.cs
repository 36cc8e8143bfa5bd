using Akka.Actor;
using Akka.Event;

namespace CallCluster.Actors.Cdr;

/// <summary>
/// Writes <see cref="WriteCdr"/> requests to the <c>cdr</c> table with group commit: requests that
/// arrive while a transaction runs go together into the next one. Each sender gets
/// <see cref="CdrWritten"/> after the commit (also when the record already existed) or
/// <see cref="CdrWriteFailed"/> so it can retry.
/// </summary>
public sealed class CdrWriterActor : ReceiveActor, IWithTimers
{
    public const int MaxBatch = 256;
    public const int MaxPending = 50_000;

    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly SqlCdrStore _store;
    private readonly Queue<(CdrRecord Record, IActorRef ReplyTo)> _pending = new();
    private bool _ready;
    private bool _writing;

    public CdrWriterActor(SqlCdrStore store)
    {
        _store = store;
        Receive<WriteCdr>(Enqueue);
        Receive<Created>(c =>
        {
            if (c.Error is not null)
            {
                _log.Warning("CDR table not ready ({0}); retrying", c.Error.Message);
                Timers.StartSingleTimer("table", EnsureTable.Instance, TimeSpan.FromSeconds(2));
                return;
            }

            _ready = true;
            Flush();
        });
        Receive<EnsureTable>(_ => CreateTable());
        Receive<Flushed>(OnFlushed);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(SqlCdrStore store) => Akka.Actor.Props.Create(() => new CdrWriterActor(store));

    protected override void PreStart() => CreateTable();

    private void CreateTable() =>
        _store.EnsureCreatedAsync().PipeTo(Self, success: () => new Created(null), failure: e => new Created(e));

    private void Enqueue(WriteCdr write)
    {
        var problem = CdrRecordValidation.Problem(write.Record);
        if (problem is not null)
        {
            Sender.Tell(new CdrWriteFailed(write.Record?.SessionId ?? "", problem));
            return;
        }

        if (_pending.Count >= MaxPending)
        {
            Sender.Tell(new CdrWriteFailed(write.Record.SessionId, "CDR writer is overloaded"));
            return;
        }

        _pending.Enqueue((write.Record, Sender));
        Flush();
    }

    private void Flush()
    {
        if (!_ready || _writing || _pending.Count == 0)
        {
            return;
        }

        var batch = new List<(CdrRecord Record, IActorRef ReplyTo)>(Math.Min(MaxBatch, _pending.Count));
        while (batch.Count < MaxBatch && _pending.TryDequeue(out var item))
        {
            batch.Add(item);
        }

        _writing = true;
        _store.InsertManyAsync(batch.Select(b => b.Record).ToArray())
            .PipeTo(Self, success: _ => new Flushed(batch, null), failure: e => new Flushed(batch, e));
    }

    private void OnFlushed(Flushed flushed)
    {
        _writing = false;
        foreach (var (record, replyTo) in flushed.Batch)
        {
            replyTo.Tell(flushed.Error is null
                ? new CdrWritten(record.SessionId)
                : new CdrWriteFailed(record.SessionId, flushed.Error.GetBaseException().Message));
        }

        if (flushed.Error is not null)
        {
            _log.Warning("Writing {0} CDR(s) failed: {1}", flushed.Batch.Count, flushed.Error.GetBaseException().Message);
        }

        Flush();
    }

    private sealed record Created(Exception? Error);

    private sealed record EnsureTable
    {
        public static EnsureTable Instance { get; } = new();
    }

    private sealed record Flushed(IReadOnlyList<(CdrRecord Record, IActorRef ReplyTo)> Batch, Exception? Error);
}
