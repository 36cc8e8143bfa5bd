using CallCluster.Sip.Message;

namespace CallCluster.Sip.Transactions;

/// <summary>
/// Finds the INVITE server transaction a CANCEL targets (RFC 3261 9.2): the CANCEL is matched with
/// the rules of 17.2.3 as if its method were INVITE (same branch and sent-by, or for RFC 2543 peers
/// the same Request-URI, tags, Call-ID, CSeq number and top Via).
/// </summary>
public static class CancelMatcher
{
    /// <summary>The key of the INVITE server transaction <paramref name="cancel"/> refers to, or null when it is not a usable CANCEL.</summary>
    public static TransactionKey? InviteKeyFor(SipRequest cancel)
    {
        ArgumentNullException.ThrowIfNull(cancel);
        return MessageAdapter.TryRead(cancel, out var facts, out _) && facts.Method == "CANCEL"
            ? facts.ServerKey("INVITE")
            : null;
    }
}
