namespace CallCluster.Sip.Transactions;

/// <summary>The fields of a request that transaction matching reads, extracted once per request.</summary>
/// <param name="Method">Request method.</param>
/// <param name="RequestUri">Request-URI as received.</param>
/// <param name="Branch">Top Via branch, or null.</param>
/// <param name="SentBy">Top Via sent-by (host[:port]).</param>
/// <param name="TopVia">Top Via (formatted only for RFC 2543 requests, else empty).</param>
/// <param name="CallId">Call-ID.</param>
/// <param name="FromTag">From tag, or null.</param>
/// <param name="ToTag">To tag, or null.</param>
/// <param name="CSeqNumber">CSeq number.</param>
/// <param name="CSeqMethod">CSeq method.</param>
internal sealed record RequestFacts(
    string Method, string RequestUri, string? Branch, string SentBy, string TopVia,
    string CallId, string? FromTag, string? ToTag, long CSeqNumber, string CSeqMethod)
{
    /// <summary>The server transaction key of this request (17.2.3), ACK mapped to INVITE.</summary>
    public TransactionKey ServerKey(string? methodOverride = null)
    {
        var method = methodOverride ?? Method;
        return TransactionKey.HasMagicCookie(Branch)
            ? TransactionKey.Server3261(Branch!, SentBy, method)
            : TransactionKey.Server2543(new Rfc2543Fields(RequestUri, ToTag, FromTag, CallId, CSeqNumber, TopVia), method);
    }
}

/// <summary>The fields of a response that client transaction matching reads.</summary>
/// <param name="StatusCode">Status code.</param>
/// <param name="Branch">Top Via branch, or null.</param>
/// <param name="CSeqMethod">CSeq method.</param>
internal readonly record struct ResponseFacts(int StatusCode, string? Branch, string CSeqMethod);
