using CallCluster.Sip.Message;

namespace CallCluster.Sip.Transactions;

/// <summary>
/// The transaction layer (RFC 3261 section 17): owns the live client and server transactions,
/// their timers, retransmissions and matching. Time comes from the injected
/// <see cref="TimeProvider"/>; timers are deadlines: the owner calls <see cref="AdvanceTo"/> (or
/// <see cref="ProcessDueTimers"/>) when <see cref="NextDeadline"/> is reached.
/// Not thread-safe by design: one loop or actor owns the layer and makes every call; there are no
/// locks. Notices to the TU are delivered after each call's state changes are complete, so the TU
/// may call back into the layer from <see cref="ITransactionLayerSink.Deliver"/>.
/// </summary>
public sealed partial class TransactionLayer
{
    private readonly TimeProvider _time;
    private readonly ITransactionLayerSink _sink;
    private readonly Dictionary<TransactionKey, TransactionEntry> _transactions = [];
    private readonly Dictionary<MergeKey, TransactionKey> _merged = [];
    private readonly Dictionary<AcceptedKey, TransactionEntry> _accepted = [];
    private readonly TimerQueue _timers = new();
    private readonly Queue<TransactionNotice> _notices = new();
    private bool _delivering;

    /// <summary>
    /// Creates a layer that sends and delivers through <paramref name="sink"/>, holding at most
    /// <paramref name="maxTransactions"/> live transactions (memory stays bounded under floods).
    /// With <paramref name="useAcceptedState"/>, INVITE transactions follow RFC 6026 after a 2xx
    /// (Accepted state, timers L and M) instead of ending at once as in RFC 3261.
    /// </summary>
    public TransactionLayer(TimeProvider time, ITransactionLayerSink sink, TransactionTimers? timers = null, int maxTransactions = 100_000, bool useAcceptedState = false)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTransactions, 1);
        _time = time;
        _sink = sink;
        Timers = timers ?? TransactionTimers.Default;
        MaxTransactions = maxTransactions;
        UseAcceptedState = useAcceptedState;
    }

    /// <summary>True when INVITE transactions use the RFC 6026 Accepted state.</summary>
    public bool UseAcceptedState { get; }

    /// <summary>The most live transactions the layer holds; beyond it new ones are refused.</summary>
    public int MaxTransactions { get; }

    /// <summary>Timer values used for new transactions.</summary>
    public TransactionTimers Timers { get; }

    /// <summary>Number of live transactions.</summary>
    public int Count => _transactions.Count;

    /// <summary>The earliest pending timer deadline, or null when no timer runs.</summary>
    public DateTimeOffset? NextDeadline => _timers.Peek();

    /// <summary>Current state of a live transaction, or null when it is unknown or terminated.</summary>
    public TransactionPhase? PhaseOf(TransactionKey key) =>
        key is not null && _transactions.TryGetValue(key, out var entry) ? entry.Machine.Phase : null;

    /// <summary>Fires every timer due at the provider's current time; returns how many fired.</summary>
    public int ProcessDueTimers() => AdvanceTo(_time.GetUtcNow());

    /// <summary>Fires, in deadline order, every timer due at or before <paramref name="now"/>; returns how many fired.</summary>
    public int AdvanceTo(DateTimeOffset now)
    {
        var fired = 0;
        while (_timers.TryTakeDue(now, out var entry, out var timer))
        {
            fired++;
            Feed(entry, TransactionInput.Fired(timer));
        }

        Flush();
        return fired;
    }

    /// <summary>The transport could not send a message of transaction <paramref name="key"/>.</summary>
    public bool ReportTransportError(TransactionKey key)
    {
        if (key is null || !_transactions.TryGetValue(key, out var entry))
        {
            return false;
        }

        Feed(entry, TransactionInput.TransportError);
        Flush();
        return true;
    }

    private void Feed(TransactionEntry entry, TransactionInput input) => Run(entry, entry.Machine.Handle(input));

    private void Run(TransactionEntry entry, TransactionStep step)
    {
        entry.Machine = step.State;
        foreach (var action in step.Actions)
        {
            Perform(entry, action);
        }
    }

    private void Perform(TransactionEntry entry, TransactionAction action)
    {
        if (entry.Removed)
        {
            return;
        }

        switch (action)
        {
            case SendRequestAction:
                _sink.Send(entry.Request, entry.Peer);
                break;
            case SendAckAction:
                entry.Ack ??= MessageAdapter.CreateAck(entry.Request, entry.LastResponse!);
                _sink.Send(entry.Ack, entry.Peer);
                break;
            case SendTuResponseAction when entry.PendingResponse is not null:
                entry.LastResponse = entry.PendingResponse;
                _sink.Send(entry.LastResponse, entry.Peer);
                break;
            case ResendLastResponseAction when entry.LastResponse is not null:
                _sink.Send(entry.LastResponse, entry.Peer);
                break;
            case SendTryingAction:
                entry.LastResponse = MessageAdapter.CreateResponse(entry.Request, 100);
                _sink.Send(entry.LastResponse, entry.Peer);
                break;
            case PassToTuAction:
                PassToTu(entry);
                break;
            case ReportTimeoutAction:
                _notices.Enqueue(entry.IsServer
                    ? new AckTimedOut(entry.Key)
                    : new ResponseReceived(entry.Key, MessageAdapter.CreateResponse(entry.Request, 408), Local: true));
                break;
            case ReportTransportErrorAction:
                _notices.Enqueue(entry.IsServer
                    ? new ResponseSendFailed(entry.Key)
                    : new ResponseReceived(entry.Key, MessageAdapter.CreateResponse(entry.Request, 503), Local: true));
                break;
            case StartTimerAction start:
                _timers.Schedule(entry, start.Timer, _time.GetUtcNow() + start.Delay);
                break;
            case CancelTimerAction cancel:
                _timers.Cancel(entry, cancel.Timer);
                break;
            case TerminateAction:
                Remove(entry);
                break;
        }
    }

    private void PassToTu(TransactionEntry entry)
    {
        if (entry.Silent)
        {
            return;
        }

        if (!entry.IsServer)
        {
            _notices.Enqueue(new ResponseReceived(entry.Key, entry.LastResponse!));
        }
        else if (entry.Facts.Method == "CANCEL")
        {
            _notices.Enqueue(new CancelReceived(entry.Key, entry.Facts.ServerKey("INVITE"), entry.Request, entry.Peer));
        }
        else
        {
            _notices.Enqueue(new RequestReceived(entry.Key, entry.Request, entry.Peer));
        }
    }

    private void Remove(TransactionEntry entry)
    {
        if (entry.Removed)
        {
            return;
        }

        entry.Removed = true;
        _timers.CancelAll(entry);
        _transactions.Remove(entry.Key);
        if (entry.Merge is { } merge && _merged.TryGetValue(merge, out var owner) && owner == entry.Key)
        {
            _merged.Remove(merge);
        }

        if (entry.Accepted is { } accepted && _accepted.TryGetValue(accepted, out var indexed) && ReferenceEquals(indexed, entry))
        {
            _accepted.Remove(accepted);
        }

        _notices.Enqueue(new TransactionTerminated(entry.Key));
    }

    private void Flush()
    {
        if (_delivering)
        {
            return;
        }

        _delivering = true;
        try
        {
            while (_notices.TryDequeue(out var notice))
            {
                _sink.Deliver(notice);
            }
        }
        finally
        {
            _delivering = false;
        }
    }
}
