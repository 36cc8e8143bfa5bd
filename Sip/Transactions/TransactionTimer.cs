namespace CallCluster.Sip.Transactions;

/// <summary>The timers of RFC 3261 section 17 (table 4), plus the 200 ms provisional timer of 17.2.1.</summary>
public enum TransactionTimer
{
    /// <summary>Client INVITE retransmission (unreliable transports), doubles each time.</summary>
    A,
    /// <summary>Client INVITE timeout, 64*T1.</summary>
    B,
    /// <summary>Client INVITE wait for response retransmissions in Completed.</summary>
    D,
    /// <summary>Client non-INVITE retransmission, doubles up to T2.</summary>
    E,
    /// <summary>Client non-INVITE timeout, 64*T1.</summary>
    F,
    /// <summary>Server INVITE final response retransmission, doubles up to T2.</summary>
    G,
    /// <summary>Server INVITE wait for ACK, 64*T1.</summary>
    H,
    /// <summary>Server INVITE wait for ACK retransmissions in Confirmed, T4.</summary>
    I,
    /// <summary>Server non-INVITE wait for request retransmissions in Completed, 64*T1.</summary>
    J,
    /// <summary>Client non-INVITE wait for response retransmissions in Completed, T4.</summary>
    K,
    /// <summary>Server INVITE: send 100 Trying if the TU has not answered within 200 ms (17.2.1).</summary>
    Trying,
    /// <summary>RFC 6026 server INVITE: leave Accepted after 64*T1.</summary>
    L,
    /// <summary>RFC 6026 client INVITE: leave Accepted after 64*T1.</summary>
    M,
}
