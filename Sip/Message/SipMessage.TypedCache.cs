using System.Diagnostics.CodeAnalysis;
using CallCluster.Sip.Message.Headers;

namespace CallCluster.Sip.Message;

// Grammar checks and the lazily filled cache behind the typed accessors.
public abstract partial class SipMessage
{
    /// <summary>
    /// True when every header with that id follows its grammar (or is absent). Headers without a typed
    /// accessor are always well formed.
    /// </summary>
    public bool IsWellFormed(SipHeaderId id) => id switch
    {
        SipHeaderId.Via => List<SipVia>(id, SipVia.TryRead).Valid,
        SipHeaderId.From or SipHeaderId.To or SipHeaderId.ReferTo or SipHeaderId.ReferredBy => Single(id).Valid,
        SipHeaderId.CallId => CallIdParsed().Valid,
        SipHeaderId.CSeq => Value<SipCSeq>(id, SipCSeq.TryParse).Valid,
        SipHeaderId.MaxForwards => Number(id, 255).Valid,
        SipHeaderId.ContentLength => Number(id, int.MaxValue).Valid,
        SipHeaderId.Expires or SipHeaderId.MinExpires => Number(id, uint.MaxValue).Valid,
        SipHeaderId.Contact => List<SipContact>(id, SipContact.TryRead).Valid,
        SipHeaderId.Route or SipHeaderId.RecordRoute or SipHeaderId.Path or SipHeaderId.PAssertedIdentity
            or SipHeaderId.PPreferredIdentity => List<NameAddress>(id, NameAddress.TryRead).Valid,
        SipHeaderId.ContentType => Value<SipMediaType>(id, SipMediaType.TryParse).Valid,
        SipHeaderId.Accept => List<SipMediaType>(id, SipMediaType.TryRead, allowEmpty: true).Valid,
        SipHeaderId.Supported or SipHeaderId.Require or SipHeaderId.ProxyRequire or SipHeaderId.Unsupported
            or SipHeaderId.Allow or SipHeaderId.ContentEncoding => List<string>(id, ListReader.ReadToken, allowEmpty: true).Valid,
        SipHeaderId.Authorization or SipHeaderId.ProxyAuthorization or SipHeaderId.WwwAuthenticate
            or SipHeaderId.ProxyAuthenticate => AuthParsed(id).Valid,
        SipHeaderId.SessionExpires => Value<SipSessionExpires>(id, SipSessionExpires.TryParse).Valid,
        SipHeaderId.MinSE => MinSEParsed().Valid,
        SipHeaderId.AnswerMode or SipHeaderId.PrivAnswerMode => Value<SipAnswerMode>(id, SipAnswerMode.TryParse).Valid,
        SipHeaderId.CallInfo or SipHeaderId.AlertInfo or SipHeaderId.ErrorInfo => List<SipInfoEntry>(id, SipInfoEntry.TryRead).Valid,
        SipHeaderId.Reason => List<SipReason>(id, SipReason.TryRead).Valid,
        SipHeaderId.Replaces => Value<SipReplaces>(id, SipReplaces.TryParse).Valid,
        _ => true,
    };

    private sealed record Parsed<T>(T Value, bool Valid);

    private delegate bool TextParser<T>(string text, [NotNullWhen(true)] out T? value);

    private Parsed<T>? Cached<T>(SipHeaderId slot) => typed?[(int)slot] as Parsed<T>;

    private Parsed<T> Store<T>(SipHeaderId slot, Parsed<T> value)
    {
        var cache = typed ?? Interlocked.CompareExchange(ref typed, new object?[(int)SipHeaderId.RequestDisposition + 1], null) ?? typed!;
        cache[(int)slot] = value;
        return value;
    }

    private Parsed<IReadOnlyList<T>> List<T>(SipHeaderId id, ListReader.ElementReader<T> read, bool allowEmpty = false)
    {
        if (Cached<IReadOnlyList<T>>(id) is { } hit)
        {
            return hit;
        }

        var list = new List<T>();
        var ok = ListReader.TryReadAll(GetHeaderValues(id), read, list, allowEmpty);
        return Store(id, new Parsed<IReadOnlyList<T>>(list, ok));
    }

    private IReadOnlyList<string> Tokens(SipHeaderId id) => List<string>(id, ListReader.ReadToken, allowEmpty: true).Value;

    private Parsed<NameAddress?> Single(SipHeaderId id) => Value<NameAddress>(id, NameAddress.TryParse);

    private Parsed<T?> Value<T>(SipHeaderId id, TextParser<T> parse)
        where T : class
    {
        if (Cached<T?>(id) is { } hit)
        {
            return hit;
        }

        var v = GetHeaderValue(id);
        T? t = null;
        var ok = v is null || parse(v, out t);
        return Store(id, new Parsed<T?>(t, ok));
    }

    private Parsed<long?> Number(SipHeaderId id, long max)
    {
        if (Cached<long?>(id) is { } hit)
        {
            return hit;
        }

        var i = IndexOf(id, 0);
        var ok = true;
        long? value = null;
        if (i >= 0)
        {
            ok = SipParser.TryDecimal(GetHeaderValueBytes(i), max, out var n);
            value = ok ? n : null;
        }

        return Store(id, new Parsed<long?>(value, ok));
    }

    private IReadOnlyList<SipAuthHeader> Auth(SipHeaderId id) => AuthParsed(id).Value;

    private Parsed<IReadOnlyList<SipAuthHeader>> AuthParsed(SipHeaderId id)
    {
        if (Cached<IReadOnlyList<SipAuthHeader>>(id) is { } hit)
        {
            return hit;
        }

        var list = new List<SipAuthHeader>();
        var ok = true;
        foreach (var line in GetHeaderValues(id))
        {
            ok &= SipAuthHeader.TryParseList(line, list);
        }

        return Store(id, new Parsed<IReadOnlyList<SipAuthHeader>>(list, ok));
    }

    private Parsed<string?> CallIdParsed()
    {
        if (Cached<string?>(SipHeaderId.CallId) is { } hit)
        {
            return hit;
        }

        var v = GetHeaderValue(SipHeaderId.CallId);
        return Store(SipHeaderId.CallId, new Parsed<string?>(v, v is null || IsCallId(v)));
    }

    private Parsed<long?> MinSEParsed()
    {
        if (Cached<long?>(SipHeaderId.MinSE) is { } hit)
        {
            return hit;
        }

        var v = GetHeaderValue(SipHeaderId.MinSE);
        var semi = v?.IndexOf(';') ?? -1;
        var ok = SipDeltaSeconds.TryParse(semi >= 0 ? v![..semi] : v, out var n);
        return Store(SipHeaderId.MinSE, new Parsed<long?>(ok ? n : null, v is null || ok));
    }

    // callid = word [ "@" word ]
    private static bool IsCallId(string v)
    {
        if (v.Length == 0)
        {
            return false;
        }

        var at = 0;
        foreach (var c in v)
        {
            if (c == '@')
            {
                at++;
                continue;
            }

            if (!SipSyntax.IsTokenChar(c) && c is not ('(' or ')' or '<' or '>' or ':' or '\\' or '"' or '/' or '[' or ']' or '?' or '{' or '}'))
            {
                return false;
            }
        }

        return at <= 1 && v[0] != '@' && v[^1] != '@';
    }
}
