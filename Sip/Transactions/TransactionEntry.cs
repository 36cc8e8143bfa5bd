using CallCluster.Sip.Message;

namespace CallCluster.Sip.Transactions;

/// <summary>One live transaction in <see cref="TransactionLayer"/>: its state machine, messages and timer versions.</summary>
internal sealed class TransactionEntry(TransactionKey key, TransactionMachine machine, SipRequest request, RequestFacts facts, TransactionPeer peer)
{
    private const int TimerCount = (int)TransactionTimer.M + 1;
    private readonly int[] _timerVersions = new int[TimerCount];

    public TransactionKey Key { get; } = key;

    public TransactionMachine Machine { get; set; } = machine;

    public SipRequest Request { get; } = request;

    public RequestFacts Facts { get; } = facts;

    public TransactionPeer Peer { get; } = peer;

    /// <summary>Server: the last response sent. Client: the last response received.</summary>
    public SipResponse? LastResponse { get; set; }

    /// <summary>Server: the response the TU is passing right now.</summary>
    public SipResponse? PendingResponse { get; set; }

    /// <summary>Client INVITE: the ACK built for the non-2xx final response.</summary>
    public SipRequest? Ack { get; set; }

    /// <summary>Server: the merged-request key this transaction is indexed under, if any.</summary>
    public MergeKey? Merge { get; set; }

    /// <summary>Server INVITE in the Accepted state: Call-ID, CSeq number and To tag its 2xx ACK will carry.</summary>
    public AcceptedKey? Accepted { get; set; }

    public bool Removed { get; set; }

    /// <summary>Server: answered by the layer itself (482, 481); the request is not passed to the TU.</summary>
    public bool Silent { get; init; }

    public bool IsServer => Key.Server;

    private int _runningTimers;

    public int TimerVersion(TransactionTimer timer) => _timerVersions[(int)timer];

    public bool IsRunning(TransactionTimer timer) => (_runningTimers & (1 << (int)timer)) != 0;

    /// <summary>Marks the timer running under a new version and returns that version.</summary>
    public int Arm(TransactionTimer timer)
    {
        _runningTimers |= 1 << (int)timer;
        return ++_timerVersions[(int)timer];
    }

    /// <summary>Marks the timer stopped; returns true when it was running.</summary>
    public bool Disarm(TransactionTimer timer)
    {
        var wasRunning = IsRunning(timer);
        _runningTimers &= ~(1 << (int)timer);
        return wasRunning;
    }
}

/// <summary>From tag, Call-ID and CSeq of a request without To tag (8.2.2.2).</summary>
internal readonly record struct MergeKey(string FromTag, string CallId, long CSeqNumber, string CSeqMethod);

/// <summary>What an ACK for a 2xx shares with its INVITE (new branch, same Call-ID, CSeq number and tags).</summary>
internal readonly record struct AcceptedKey(string CallId, long CSeqNumber, string ToTag);
