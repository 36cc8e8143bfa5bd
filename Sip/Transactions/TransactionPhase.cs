namespace CallCluster.Sip.Transactions;

/// <summary>The states of the four transaction state machines (RFC 3261 figures 5 to 8).</summary>
public enum TransactionPhase
{
    /// <summary>Client INVITE: request sent, no response yet.</summary>
    Calling,
    /// <summary>Non-INVITE: request sent (client) or received (server), no response yet.</summary>
    Trying,
    /// <summary>A provisional response was received (client) or sent (server).</summary>
    Proceeding,
    /// <summary>A final response was received (client) or sent (server); absorbing retransmissions.</summary>
    Completed,
    /// <summary>Server INVITE: ACK for the non-2xx final response received.</summary>
    Confirmed,
    /// <summary>RFC 6026 (opt-in): INVITE transaction after a 2xx; absorbs retransmissions until timer L (server) or M (client).</summary>
    Accepted,
    /// <summary>The transaction is over and can be removed.</summary>
    Terminated,
}
