namespace CallCluster.Sip.Transactions;

/// <summary>
/// Identifies a transaction (RFC 3261 17.1.3 and 17.2.3). Client keys are branch + CSeq method.
/// Server keys are branch + sent-by + method when the branch starts with the magic cookie
/// <c>z9hG4bK</c>; otherwise (RFC 2543 peers) the branch slot holds the request's Request-URI,
/// To tag, From tag, Call-ID, CSeq number and top Via, joined. ACK keys map to the INVITE
/// transaction; CANCEL has its own transaction (method CANCEL).
/// </summary>
/// <param name="Server">True for server transactions.</param>
/// <param name="Branch">The Via branch, or the RFC 2543 composite.</param>
/// <param name="Method">The transaction's method (INVITE for an ACK to a non-2xx).</param>
/// <param name="SentBy">Lower-cased host[:port] of the top Via (server keys with a magic cookie branch), else empty.</param>
public sealed record TransactionKey(bool Server, string Branch, string Method, string SentBy)
{
    /// <summary>The RFC 3261 branch prefix.</summary>
    public const string MagicCookie = "z9hG4bK";

    /// <summary>True when the key uses the RFC 2543 fallback fields.</summary>
    public bool IsRfc2543 => Branch.StartsWith(Rfc2543Prefix, StringComparison.Ordinal);

    private const string Rfc2543Prefix = "2543\u001f";

    /// <summary>True when <paramref name="branch"/> starts with the RFC 3261 magic cookie.</summary>
    public static bool HasMagicCookie(string? branch) =>
        branch is not null && branch.StartsWith(MagicCookie, StringComparison.Ordinal);

    /// <summary>Client key (17.1.3): the branch of the top Via and the CSeq method.</summary>
    public static TransactionKey Client(string branch, string cseqMethod)
    {
        ArgumentNullException.ThrowIfNull(branch);
        ArgumentNullException.ThrowIfNull(cseqMethod);
        return new TransactionKey(false, branch, TransactionMethod(cseqMethod), string.Empty);
    }

    /// <summary>Server key (17.2.3) for a request whose top Via branch has the magic cookie.</summary>
    public static TransactionKey Server3261(string branch, string sentBy, string method)
    {
        ArgumentNullException.ThrowIfNull(branch);
        ArgumentNullException.ThrowIfNull(sentBy);
        ArgumentNullException.ThrowIfNull(method);
        return new TransactionKey(true, branch, TransactionMethod(method), sentBy.ToLowerInvariant());
    }

    /// <summary>
    /// Server key for an RFC 2543 request (no magic cookie): Request-URI, To tag, From tag,
    /// Call-ID, CSeq number, method and the whole top Via.
    /// </summary>
    public static TransactionKey Server2543(Rfc2543Fields fields, string method)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(method);
        const char sep = '\u001f';
        var composite = string.Concat(
            Rfc2543Prefix,
            string.Join(sep, fields.RequestUri, fields.ToTag ?? string.Empty, fields.FromTag ?? string.Empty, fields.CallId),
            sep.ToString(),
            fields.CSeqNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
            sep.ToString(),
            fields.TopVia);
        return new TransactionKey(true, composite, TransactionMethod(method), string.Empty);
    }

    /// <summary>The same key with another method (for example the INVITE a CANCEL refers to).</summary>
    public TransactionKey WithMethod(string method) => this with { Method = TransactionMethod(method) };

    /// <summary>ACK belongs to the INVITE transaction; every other method is its own.</summary>
    public static string TransactionMethod(string method) => method == "ACK" ? "INVITE" : method;

    /// <inheritdoc />
    public override string ToString() =>
        IsRfc2543
            ? $"{(Server ? "server" : "client")}/{Method}/rfc2543"
            : $"{(Server ? "server" : "client")}/{Method}/{Branch}{(SentBy.Length > 0 ? "@" + SentBy : string.Empty)}";
}

/// <summary>The request fields RFC 2543 transaction matching relies on (RFC 3261 17.2.3, 9.2).</summary>
/// <param name="RequestUri">The Request-URI as received.</param>
/// <param name="ToTag">To tag, or null.</param>
/// <param name="FromTag">From tag, or null.</param>
/// <param name="CallId">Call-ID.</param>
/// <param name="CSeqNumber">CSeq sequence number.</param>
/// <param name="TopVia">The top Via header value.</param>
public sealed record Rfc2543Fields(string RequestUri, string? ToTag, string? FromTag, string CallId, long CSeqNumber, string TopVia);
