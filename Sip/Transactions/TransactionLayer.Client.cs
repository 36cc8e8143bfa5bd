using CallCluster.Sip.Message;

namespace CallCluster.Sip.Transactions;

public sealed partial class TransactionLayer
{
    /// <summary>
    /// Starts a client transaction for <paramref name="request"/> and sends it to <paramref name="peer"/>.
    /// Fails (with a reason) for ACK, which never has a client transaction, for requests without a
    /// top Via branch or CSeq, when a transaction with the same key is still live, and when the
    /// table holds <see cref="MaxTransactions"/> transactions.
    /// </summary>
    public bool TrySendRequest(SipRequest request, TransactionPeer peer, out TransactionKey? key, out string error)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(peer);
        key = null;
        if (!MessageAdapter.TryRead(request, out var facts, out error))
        {
            return false;
        }

        if (facts.Method == "ACK")
        {
            error = "ACK is sent without a client transaction";
            return false;
        }

        if (string.IsNullOrEmpty(facts.Branch))
        {
            error = "the top Via has no branch";
            return false;
        }

        if (_transactions.Count >= MaxTransactions)
        {
            error = "the transaction table is full";
            return false;
        }

        var candidate = TransactionKey.Client(facts.Branch, facts.CSeqMethod);
        if (_transactions.ContainsKey(candidate))
        {
            error = "a transaction with this branch and method is still live";
            return false;
        }

        var step = facts.Method == "INVITE"
            ? ClientInviteMachine.Start(Timers, peer.Reliable, UseAcceptedState)
            : ClientNonInviteMachine.Start(Timers, peer.Reliable);
        var entry = new TransactionEntry(candidate, step.State, request, facts, peer);
        _transactions.Add(candidate, entry);
        Run(entry, step);
        Flush();
        key = candidate;
        return true;
    }

    /// <summary>
    /// Hands a received response to its client transaction (matched by branch and CSeq method,
    /// 17.1.3). Responses that match none are passed to the TU with a null key (for example 2xx
    /// retransmissions, which the TU acknowledges). Returns true when a transaction matched.
    /// </summary>
    public bool ReceiveResponse(SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!MessageAdapter.TryRead(response, out var facts) || string.IsNullOrEmpty(facts.Branch))
        {
            return false;
        }

        var key = TransactionKey.Client(facts.Branch, facts.CSeqMethod);
        if (!_transactions.TryGetValue(key, out var entry))
        {
            _notices.Enqueue(new ResponseReceived(null, response));
            Flush();
            return false;
        }

        entry.LastResponse = response;
        Feed(entry, TransactionInput.Response(facts.StatusCode));
        Flush();
        return true;
    }
}
