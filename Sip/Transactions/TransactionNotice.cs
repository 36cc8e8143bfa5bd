using CallCluster.Sip.Message;

namespace CallCluster.Sip.Transactions;

/// <summary>What the transaction layer tells its transaction user (TU).</summary>
public abstract record TransactionNotice
{
    private protected TransactionNotice()
    {
    }
}

/// <summary>
/// A request for the TU. <paramref name="Key"/> is the new server transaction, or null for an ACK
/// that matched no transaction (the ACK for a 2xx, 17.2.3 / 13.3.1.4).
/// </summary>
public sealed record RequestReceived(TransactionKey? Key, SipRequest Request, TransactionPeer From) : TransactionNotice;

/// <summary>
/// A CANCEL for the TU (9.2): <paramref name="CancelKey"/> is its own server transaction (answer it
/// with 200), <paramref name="InviteKey"/> the INVITE server transaction it targets (answer that
/// with 487 if it has no final response yet). CANCELs that match no INVITE are answered with 481
/// by the layer and not passed up.
/// </summary>
public sealed record CancelReceived(TransactionKey CancelKey, TransactionKey InviteKey, SipRequest Cancel, TransactionPeer From) : TransactionNotice;

/// <summary>
/// A response for the TU. <paramref name="Key"/> is the client transaction, or null for a response
/// that matched none (2xx retransmissions, 17.1.1.2). <paramref name="Local"/> is true for the 408
/// of a timeout and the 503 of a transport error, which the layer builds itself (8.1.3.1).
/// </summary>
public sealed record ResponseReceived(TransactionKey? Key, SipResponse Response, bool Local = false) : TransactionNotice;

/// <summary>
/// A server INVITE transaction never received the ACK for its final response: timer H for a
/// failure response, timer L for a 2xx in RFC 6026 mode (the TU should then end the dialog with
/// BYE, 13.3.1.4).
/// </summary>
public sealed record AckTimedOut(TransactionKey Key) : TransactionNotice;

/// <summary>A server transaction could not send its response.</summary>
public sealed record ResponseSendFailed(TransactionKey Key) : TransactionNotice;

/// <summary>A transaction ended and was removed from the layer.</summary>
public sealed record TransactionTerminated(TransactionKey Key) : TransactionNotice;
