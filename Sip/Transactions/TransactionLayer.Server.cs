using CallCluster.Sip.Message;

namespace CallCluster.Sip.Transactions;

public sealed partial class TransactionLayer
{
    /// <summary>
    /// Hands a received request to the layer: matches it against the live server transactions
    /// (17.2.3, with RFC 2543 fallback), absorbs retransmissions and ACKs for failure responses,
    /// detects merged requests (8.2.2.2, answered 482) and CANCELs for unknown INVITEs (answered
    /// 481), and otherwise creates a server transaction and passes the request to the TU.
    /// </summary>
    public ServerRequestOutcome ReceiveRequest(SipRequest request, TransactionPeer from)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(from);
        if (!MessageAdapter.TryRead(request, out var facts, out _))
        {
            return ServerRequestOutcome.Invalid;
        }

        var outcome = facts.Method == "ACK" ? ReceiveAck(request, facts, from) : ReceiveOther(request, facts, from);
        Flush();
        return outcome;
    }

    /// <summary>
    /// Passes the TU's response through server transaction <paramref name="key"/>. Returns false when
    /// the transaction is unknown or no longer accepts responses (for example a second final response).
    /// </summary>
    public bool SendResponse(TransactionKey key, SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (key is null || !_transactions.TryGetValue(key, out var entry) || !entry.IsServer)
        {
            return false;
        }

        entry.PendingResponse = response;
        Feed(entry, TransactionInput.TuResponse(response.StatusCode));
        entry.PendingResponse = null;
        IndexAccepted(entry);
        Flush();
        return ReferenceEquals(entry.LastResponse, response);
    }

    /// <summary>The live INVITE server transaction a CANCEL targets (9.2), or null.</summary>
    public TransactionKey? FindInviteFor(SipRequest cancel)
    {
        var key = CancelMatcher.InviteKeyFor(cancel);
        return key is not null && _transactions.TryGetValue(key, out var entry) && entry.Machine.Kind == TransactionKind.ServerInvite
            ? key
            : null;
    }

    private ServerRequestOutcome ReceiveAck(SipRequest ack, RequestFacts facts, TransactionPeer from)
    {
        var entry = FindInviteForAck(facts);
        if (entry is null && facts.ToTag is { } toTag)
        {
            _accepted.TryGetValue(new AcceptedKey(facts.CallId, facts.CSeqNumber, toTag), out entry);
        }

        if (entry is null || entry.Machine.Phase == TransactionPhase.Accepted)
        {
            // The ACK for a 2xx is the TU's (13.3.1.4); an RFC 6026 Accepted transaction only stops retransmitting.
            if (entry is not null)
            {
                Feed(entry, TransactionInput.AckReceived);
            }

            _notices.Enqueue(new RequestReceived(null, ack, from));
            return ServerRequestOutcome.AckPassedToTu;
        }

        Feed(entry, TransactionInput.AckReceived);
        return ServerRequestOutcome.AckAbsorbed;
    }

    private void IndexAccepted(TransactionEntry entry)
    {
        if (entry.Accepted is null && !entry.Removed && entry.Machine.Phase == TransactionPhase.Accepted
            && entry.LastResponse?.To?.Tag is { } toTag)
        {
            var key = new AcceptedKey(entry.Facts.CallId, entry.Facts.CSeqNumber, toTag);
            if (_accepted.TryAdd(key, entry))
            {
                entry.Accepted = key;
            }
        }
    }

    private TransactionEntry? FindInviteForAck(RequestFacts ack)
    {
        if (_transactions.TryGetValue(ack.ServerKey(), out var entry) && entry.Machine.Kind == TransactionKind.ServerInvite)
        {
            return entry;
        }

        if (TransactionKey.HasMagicCookie(ack.Branch))
        {
            return null;
        }

        // RFC 2543: the INVITE had no To tag; the ACK carries the tag of the response it acknowledges.
        var untagged = (ack with { ToTag = null }).ServerKey();
        return _transactions.TryGetValue(untagged, out entry)
            && entry.Machine.Kind == TransactionKind.ServerInvite
            && entry.LastResponse?.To?.Tag == ack.ToTag
            ? entry
            : null;
    }

    private ServerRequestOutcome ReceiveOther(SipRequest request, RequestFacts facts, TransactionPeer from)
    {
        var key = facts.ServerKey();
        if (_transactions.TryGetValue(key, out var existing))
        {
            Feed(existing, TransactionInput.RequestReceived);
            return ServerRequestOutcome.Retransmission;
        }

        if (_transactions.Count >= MaxTransactions)
        {
            return ServerRequestOutcome.Overloaded;
        }

        MergeKey? merge = facts.ToTag is null && facts.FromTag is not null
            ? new MergeKey(facts.FromTag, facts.CallId, facts.CSeqNumber, facts.CSeqMethod)
            : null;
        if (merge is { } m && _merged.TryGetValue(m, out var other) && other != key && _transactions.ContainsKey(other))
        {
            StartSilent(key, request, facts, from, 482);
            return ServerRequestOutcome.Merged;
        }

        if (facts.Method == "CANCEL" && FindInviteFor(request) is null)
        {
            StartSilent(key, request, facts, from, 481);
            return ServerRequestOutcome.CancelUnmatched;
        }

        var entry = Begin(key, request, facts, from, silent: false);
        if (merge is { } mk && _merged.TryAdd(mk, key))
        {
            entry.Merge = mk;
        }

        return facts.Method == "CANCEL" ? ServerRequestOutcome.CancelPassedToTu : ServerRequestOutcome.NewTransaction;
    }

    private void StartSilent(TransactionKey key, SipRequest request, RequestFacts facts, TransactionPeer from, int status)
    {
        var entry = Begin(key, request, facts, from, silent: true);
        entry.PendingResponse = MessageAdapter.CreateResponse(request, status);
        Feed(entry, TransactionInput.TuResponse(status));
        entry.PendingResponse = null;
    }

    private TransactionEntry Begin(TransactionKey key, SipRequest request, RequestFacts facts, TransactionPeer from, bool silent)
    {
        var step = facts.Method == "INVITE"
            ? ServerInviteMachine.Start(Timers, from.Reliable, UseAcceptedState)
            : ServerNonInviteMachine.Start(Timers, from.Reliable);
        var entry = new TransactionEntry(key, step.State, request, facts, from) { Silent = silent };
        _transactions.Add(key, entry);
        Run(entry, step);
        return entry;
    }
}
