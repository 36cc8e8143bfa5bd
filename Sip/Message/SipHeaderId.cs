namespace CallCluster.Sip.Message;

/// <summary>Header fields the stack knows by name (compact forms map to the same id).</summary>
public enum SipHeaderId : byte
{
    /// <summary>Any header not listed here.</summary>
    Unknown = 0,
    Via, From, To, CallId, CSeq, MaxForwards, Contact, Route, RecordRoute,
    ContentType, ContentLength, ContentEncoding, ContentDisposition, ContentLanguage,
    Expires, MinExpires, Supported, Require, ProxyRequire, Unsupported, Allow,
    Accept, AcceptEncoding, AcceptLanguage,
    Authorization, ProxyAuthorization, WwwAuthenticate, ProxyAuthenticate, AuthenticationInfo,
    PAssertedIdentity, PPreferredIdentity, Privacy,
    SessionExpires, MinSE, AnswerMode, PrivAnswerMode,
    CallInfo, AlertInfo, ErrorInfo, Reason, ReferTo, ReferredBy, Replaces,
    Subject, Event, AllowEvents, SubscriptionState, Identity,
    UserAgent, Server, Date, Timestamp, RetryAfter, Warning, MimeVersion, Organization, Priority,
    Path, ServiceRoute, RSeq, RAck, AcceptContact, RejectContact, RequestDisposition,
}
