namespace CallCluster.Sip.Transactions;

/// <summary>What <see cref="TransactionLayer.ReceiveRequest"/> did with a request.</summary>
public enum ServerRequestOutcome
{
    /// <summary>A new server transaction was created and the request passed to the TU.</summary>
    NewTransaction,
    /// <summary>A retransmission of a live transaction's request: absorbed, the last response resent if any.</summary>
    Retransmission,
    /// <summary>An ACK for a server INVITE transaction's failure response: absorbed by the transaction.</summary>
    AckAbsorbed,
    /// <summary>An ACK for a 2xx (it matched no transaction, or one in the RFC 6026 Accepted state): passed to the TU with a null key.</summary>
    AckPassedToTu,
    /// <summary>A CANCEL whose INVITE transaction was found: passed to the TU as <see cref="CancelReceived"/>.</summary>
    CancelPassedToTu,
    /// <summary>A CANCEL that matched no INVITE transaction: answered with 481 (9.2).</summary>
    CancelUnmatched,
    /// <summary>A merged request (8.2.2.2): answered with 482 (Loop Detected).</summary>
    Merged,
    /// <summary>The request lacks what matching needs (Via, CSeq, Call-ID): not handled; the caller answers 400.</summary>
    Invalid,
    /// <summary>The layer holds <see cref="TransactionLayer.MaxTransactions"/> transactions: nothing was created; the caller answers 503 statelessly.</summary>
    Overloaded,
}
