using System.Diagnostics.CodeAnalysis;
using CallCluster.Sip.Message.Headers;

namespace CallCluster.Sip.Message;

// Typed header access: each value is parsed on first read and cached. Malformed values never throw:
// single values read as null, lists keep the elements before the first malformed one, and
// IsWellFormed tells which headers did not follow their grammar.
public abstract partial class SipMessage
{
    private object?[]? typed;

    /// <summary>Every Via value, top first (several per line and several lines).</summary>
    public IReadOnlyList<SipVia> Via => List<SipVia>(SipHeaderId.Via, SipVia.TryRead).Value;

    /// <summary>The top Via, or null.</summary>
    public SipVia? TopVia => Via is { Count: > 0 } v ? v[0] : null;

    /// <summary>From, or null when absent or malformed.</summary>
    public NameAddress? From => Single(SipHeaderId.From).Value;

    /// <summary>To, or null when absent or malformed.</summary>
    public NameAddress? To => Single(SipHeaderId.To).Value;

    /// <summary>Call-ID, or null.</summary>
    public string? CallId => CallIdParsed().Value;

    /// <summary>CSeq, or null.</summary>
    public SipCSeq? CSeq => Value<SipCSeq>(SipHeaderId.CSeq, SipCSeq.TryParse).Value;

    /// <summary>Max-Forwards, or null.</summary>
    public int? MaxForwards => (int?)Number(SipHeaderId.MaxForwards, 255).Value;

    /// <summary>Content-Length as written, or null (the body length is <see cref="Body"/>.Length).</summary>
    public int? ContentLength => (int?)Number(SipHeaderId.ContentLength, int.MaxValue).Value;

    /// <summary>Expires, or null.</summary>
    public long? Expires => Number(SipHeaderId.Expires, uint.MaxValue).Value;

    /// <summary>Min-Expires, or null.</summary>
    public long? MinExpires => Number(SipHeaderId.MinExpires, uint.MaxValue).Value;

    /// <summary>Every Contact value ("*" included).</summary>
    public IReadOnlyList<SipContact> Contact => List<SipContact>(SipHeaderId.Contact, SipContact.TryRead).Value;

    /// <summary>Route values, top first.</summary>
    public IReadOnlyList<NameAddress> Route => List<NameAddress>(SipHeaderId.Route, NameAddress.TryRead).Value;

    /// <summary>Record-Route values, top first.</summary>
    public IReadOnlyList<NameAddress> RecordRoute => List<NameAddress>(SipHeaderId.RecordRoute, NameAddress.TryRead).Value;

    /// <summary>Path values (RFC 3327).</summary>
    public IReadOnlyList<NameAddress> Path => List<NameAddress>(SipHeaderId.Path, NameAddress.TryRead).Value;

    /// <summary>P-Asserted-Identity values (RFC 3325).</summary>
    public IReadOnlyList<NameAddress> PAssertedIdentity => List<NameAddress>(SipHeaderId.PAssertedIdentity, NameAddress.TryRead).Value;

    /// <summary>P-Preferred-Identity values (RFC 3325).</summary>
    public IReadOnlyList<NameAddress> PPreferredIdentity => List<NameAddress>(SipHeaderId.PPreferredIdentity, NameAddress.TryRead).Value;

    /// <summary>Content-Type, or null.</summary>
    public SipMediaType? ContentType => Value<SipMediaType>(SipHeaderId.ContentType, SipMediaType.TryParse).Value;

    /// <summary>Accept values.</summary>
    public IReadOnlyList<SipMediaType> Accept => List<SipMediaType>(SipHeaderId.Accept, SipMediaType.TryRead, allowEmpty: true).Value;

    /// <summary>Content-Encoding values.</summary>
    public IReadOnlyList<string> ContentEncoding => Tokens(SipHeaderId.ContentEncoding);

    /// <summary>Supported option tags.</summary>
    public IReadOnlyList<string> Supported => Tokens(SipHeaderId.Supported);

    /// <summary>Require option tags.</summary>
    public IReadOnlyList<string> Require => Tokens(SipHeaderId.Require);

    /// <summary>Proxy-Require option tags.</summary>
    public IReadOnlyList<string> ProxyRequire => Tokens(SipHeaderId.ProxyRequire);

    /// <summary>Unsupported option tags.</summary>
    public IReadOnlyList<string> Unsupported => Tokens(SipHeaderId.Unsupported);

    /// <summary>Allow methods.</summary>
    public IReadOnlyList<string> Allow => Tokens(SipHeaderId.Allow);

    /// <summary>Authorization credentials (digest semantics are the auth layer's).</summary>
    public IReadOnlyList<SipAuthHeader> Authorization => Auth(SipHeaderId.Authorization);

    /// <summary>Proxy-Authorization credentials.</summary>
    public IReadOnlyList<SipAuthHeader> ProxyAuthorization => Auth(SipHeaderId.ProxyAuthorization);

    /// <summary>WWW-Authenticate challenges.</summary>
    public IReadOnlyList<SipAuthHeader> WwwAuthenticate => Auth(SipHeaderId.WwwAuthenticate);

    /// <summary>Proxy-Authenticate challenges.</summary>
    public IReadOnlyList<SipAuthHeader> ProxyAuthenticate => Auth(SipHeaderId.ProxyAuthenticate);

    /// <summary>Session-Expires (RFC 4028), or null.</summary>
    public SipSessionExpires? SessionExpires => Value<SipSessionExpires>(SipHeaderId.SessionExpires, SipSessionExpires.TryParse).Value;

    /// <summary>Min-SE in seconds (RFC 4028), or null.</summary>
    public long? MinSE => MinSEParsed().Value;

    /// <summary>Answer-Mode (RFC 5373), or null.</summary>
    public SipAnswerMode? AnswerMode => Value<SipAnswerMode>(SipHeaderId.AnswerMode, SipAnswerMode.TryParse).Value;

    /// <summary>Priv-Answer-Mode (RFC 5373), or null.</summary>
    public SipAnswerMode? PrivAnswerMode => Value<SipAnswerMode>(SipHeaderId.PrivAnswerMode, SipAnswerMode.TryParse).Value;

    /// <summary>Call-Info values.</summary>
    public IReadOnlyList<SipInfoEntry> CallInfo => List<SipInfoEntry>(SipHeaderId.CallInfo, SipInfoEntry.TryRead).Value;

    /// <summary>Alert-Info values.</summary>
    public IReadOnlyList<SipInfoEntry> AlertInfo => List<SipInfoEntry>(SipHeaderId.AlertInfo, SipInfoEntry.TryRead).Value;

    /// <summary>Error-Info values.</summary>
    public IReadOnlyList<SipInfoEntry> ErrorInfo => List<SipInfoEntry>(SipHeaderId.ErrorInfo, SipInfoEntry.TryRead).Value;

    /// <summary>Reason values (RFC 3326).</summary>
    public IReadOnlyList<SipReason> Reason => List<SipReason>(SipHeaderId.Reason, SipReason.TryRead).Value;

    /// <summary>Refer-To (RFC 3515), or null.</summary>
    public NameAddress? ReferTo => Single(SipHeaderId.ReferTo).Value;

    /// <summary>Referred-By (RFC 3892), or null.</summary>
    public NameAddress? ReferredBy => Single(SipHeaderId.ReferredBy).Value;

    /// <summary>Replaces (RFC 3891), or null.</summary>
    public SipReplaces? Replaces => Value<SipReplaces>(SipHeaderId.Replaces, SipReplaces.TryParse).Value;
}
