namespace CallCluster.Sip.Transactions;

/// <summary>Which of the four state machines a transaction runs.</summary>
public enum TransactionKind
{
    /// <summary>Client transaction for an INVITE request (17.1.1).</summary>
    ClientInvite,
    /// <summary>Client transaction for any other request except ACK (17.1.2).</summary>
    ClientNonInvite,
    /// <summary>Server transaction for an INVITE request (17.2.1).</summary>
    ServerInvite,
    /// <summary>Server transaction for any other request except ACK (17.2.2).</summary>
    ServerNonInvite,
}
