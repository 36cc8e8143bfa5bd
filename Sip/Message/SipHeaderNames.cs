using System.Text;

namespace CallCluster.Sip.Message;

/// <summary>Canonical names and compact forms of the known header fields, and lookup by bytes or text.</summary>
public static class SipHeaderNames
{
    private static readonly string[] Canonical = BuildCanonical();
    private static readonly byte[][] CanonicalBytes = Array.ConvertAll(Canonical, Encoding.ASCII.GetBytes);
    private static readonly SipHeaderId[][] Buckets = BuildBuckets();

    /// <summary>The canonical spelling of a known header ("Call-ID" for <see cref="SipHeaderId.CallId"/>).</summary>
    public static string GetName(SipHeaderId id) => Canonical[(int)id];

    /// <summary>The known id of a header name given as bytes (case-insensitive, compact forms included).</summary>
    public static SipHeaderId Lookup(ReadOnlySpan<byte> name)
    {
        if (name.IsEmpty)
        {
            return SipHeaderId.Unknown;
        }

        if (name.Length == 1)
        {
            return Compact((char)(name[0] | 0x20));
        }

        foreach (var id in Buckets[BucketOf(name.Length, name[0])])
        {
            var candidate = CanonicalBytes[(int)id];
            if (candidate.Length == name.Length && System.Text.Ascii.EqualsIgnoreCase(candidate, name))
            {
                return id;
            }
        }

        return SipHeaderId.Unknown;
    }

    /// <summary>The known id of a header name given as text (case-insensitive, compact forms included).</summary>
    public static SipHeaderId Lookup(ReadOnlySpan<char> name)
    {
        if (name.Length == 1)
        {
            return Compact(char.ToLowerInvariant(name[0]));
        }

        for (var i = 1; i < Canonical.Length; i++)
        {
            if (name.Equals(Canonical[i], StringComparison.OrdinalIgnoreCase))
            {
                return (SipHeaderId)i;
            }
        }

        return SipHeaderId.Unknown;
    }

    /// <summary>The id of a one-letter compact form (RFC 3261 7.3.3 and later extensions).</summary>
    public static SipHeaderId Compact(char lower) => lower switch
    {
        'a' => SipHeaderId.AcceptContact,
        'b' => SipHeaderId.ReferredBy,
        'c' => SipHeaderId.ContentType,
        'd' => SipHeaderId.RequestDisposition,
        'e' => SipHeaderId.ContentEncoding,
        'f' => SipHeaderId.From,
        'i' => SipHeaderId.CallId,
        'j' => SipHeaderId.RejectContact,
        'k' => SipHeaderId.Supported,
        'l' => SipHeaderId.ContentLength,
        'm' => SipHeaderId.Contact,
        'o' => SipHeaderId.Event,
        'r' => SipHeaderId.ReferTo,
        's' => SipHeaderId.Subject,
        't' => SipHeaderId.To,
        'u' => SipHeaderId.AllowEvents,
        'v' => SipHeaderId.Via,
        'x' => SipHeaderId.SessionExpires,
        'y' => SipHeaderId.Identity,
        _ => SipHeaderId.Unknown,
    };

    /// <summary>Headers that may appear at most once in a message.</summary>
    public static bool IsSingleValued(SipHeaderId id) => id is SipHeaderId.From or SipHeaderId.To
        or SipHeaderId.CallId or SipHeaderId.CSeq or SipHeaderId.MaxForwards or SipHeaderId.ContentLength
        or SipHeaderId.ContentType or SipHeaderId.Expires;

    // Names are bucketed by length and first letter, so a look-up compares one or two candidates.
    private static int BucketOf(int length, int first) => (Math.Min(length, 31) * 32) + ((first | 0x20) & 31);

    private static SipHeaderId[][] BuildBuckets()
    {
        var lists = new List<SipHeaderId>[32 * 32];
        for (var i = 1; i < Canonical.Length; i++)
        {
            var b = BucketOf(Canonical[i].Length, Canonical[i][0]);
            (lists[b] ??= []).Add((SipHeaderId)i);
        }

        return Array.ConvertAll(lists, l => l?.ToArray() ?? []);
    }

    private static string[] BuildCanonical()
    {
        var names = new string[(int)SipHeaderId.RequestDisposition + 1];
        names[0] = string.Empty;
        void Set(SipHeaderId id, string n) => names[(int)id] = n;
        Set(SipHeaderId.Via, "Via"); Set(SipHeaderId.From, "From"); Set(SipHeaderId.To, "To");
        Set(SipHeaderId.CallId, "Call-ID"); Set(SipHeaderId.CSeq, "CSeq"); Set(SipHeaderId.MaxForwards, "Max-Forwards");
        Set(SipHeaderId.Contact, "Contact"); Set(SipHeaderId.Route, "Route"); Set(SipHeaderId.RecordRoute, "Record-Route");
        Set(SipHeaderId.ContentType, "Content-Type"); Set(SipHeaderId.ContentLength, "Content-Length");
        Set(SipHeaderId.ContentEncoding, "Content-Encoding"); Set(SipHeaderId.ContentDisposition, "Content-Disposition");
        Set(SipHeaderId.ContentLanguage, "Content-Language"); Set(SipHeaderId.Expires, "Expires");
        Set(SipHeaderId.MinExpires, "Min-Expires"); Set(SipHeaderId.Supported, "Supported"); Set(SipHeaderId.Require, "Require");
        Set(SipHeaderId.ProxyRequire, "Proxy-Require"); Set(SipHeaderId.Unsupported, "Unsupported"); Set(SipHeaderId.Allow, "Allow");
        Set(SipHeaderId.Accept, "Accept"); Set(SipHeaderId.AcceptEncoding, "Accept-Encoding"); Set(SipHeaderId.AcceptLanguage, "Accept-Language");
        Set(SipHeaderId.Authorization, "Authorization"); Set(SipHeaderId.ProxyAuthorization, "Proxy-Authorization");
        Set(SipHeaderId.WwwAuthenticate, "WWW-Authenticate"); Set(SipHeaderId.ProxyAuthenticate, "Proxy-Authenticate");
        Set(SipHeaderId.AuthenticationInfo, "Authentication-Info"); Set(SipHeaderId.PAssertedIdentity, "P-Asserted-Identity");
        Set(SipHeaderId.PPreferredIdentity, "P-Preferred-Identity"); Set(SipHeaderId.Privacy, "Privacy");
        Set(SipHeaderId.SessionExpires, "Session-Expires"); Set(SipHeaderId.MinSE, "Min-SE"); Set(SipHeaderId.AnswerMode, "Answer-Mode");
        Set(SipHeaderId.PrivAnswerMode, "Priv-Answer-Mode"); Set(SipHeaderId.CallInfo, "Call-Info"); Set(SipHeaderId.AlertInfo, "Alert-Info");
        Set(SipHeaderId.ErrorInfo, "Error-Info"); Set(SipHeaderId.Reason, "Reason"); Set(SipHeaderId.ReferTo, "Refer-To");
        Set(SipHeaderId.ReferredBy, "Referred-By"); Set(SipHeaderId.Replaces, "Replaces"); Set(SipHeaderId.Subject, "Subject");
        Set(SipHeaderId.Event, "Event"); Set(SipHeaderId.AllowEvents, "Allow-Events"); Set(SipHeaderId.SubscriptionState, "Subscription-State");
        Set(SipHeaderId.Identity, "Identity"); Set(SipHeaderId.UserAgent, "User-Agent"); Set(SipHeaderId.Server, "Server");
        Set(SipHeaderId.Date, "Date"); Set(SipHeaderId.Timestamp, "Timestamp"); Set(SipHeaderId.RetryAfter, "Retry-After");
        Set(SipHeaderId.Warning, "Warning"); Set(SipHeaderId.MimeVersion, "MIME-Version"); Set(SipHeaderId.Organization, "Organization");
        Set(SipHeaderId.Priority, "Priority"); Set(SipHeaderId.Path, "Path"); Set(SipHeaderId.ServiceRoute, "Service-Route");
        Set(SipHeaderId.RSeq, "RSeq"); Set(SipHeaderId.RAck, "RAck"); Set(SipHeaderId.AcceptContact, "Accept-Contact");
        Set(SipHeaderId.RejectContact, "Reject-Contact"); Set(SipHeaderId.RequestDisposition, "Request-Disposition");
        return names;
    }
}
