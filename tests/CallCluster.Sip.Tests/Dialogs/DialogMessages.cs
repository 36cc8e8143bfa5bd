using CallCluster.Sip.Message;
using CallCluster.Sip.Tests.Transactions;

namespace CallCluster.Sip.Tests.Dialogs;

/// <summary>The messages of an INVITE through two record-routing proxies (RFC 3261 section 24 style).</summary>
internal static class DialogMessages
{
    public static SipRequest Invite(string scheme = "sip") => SipText.Request($"""
        INVITE {scheme}:bob@biloxi.example.com SIP/2.0
        Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKnashds8
        Max-Forwards: 70
        To: Bob <sip:bob@biloxi.example.com>
        From: Alice <sip:alice@atlanta.example.com>;tag=1928301774
        Call-ID: a84b4c76e66710
        CSeq: 314159 INVITE
        Contact: <sip:alice@pc33.atlanta.example.com>
        Content-Length: 0


        """);

    /// <summary>The INVITE as the UAS receives it, after both proxies.</summary>
    public static SipRequest ReceivedInvite() => SipText.Request("""
        INVITE sip:bob@192.0.2.4 SIP/2.0
        Via: SIP/2.0/UDP p2.example.com;branch=z9hG4bK2d4790.1
        Via: SIP/2.0/UDP p1.example.com;branch=z9hG4bK2d4790.0
        Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKnashds8
        Max-Forwards: 68
        Record-Route: <sip:p2.example.com;lr>
        Record-Route: <sip:p1.example.com;lr>
        To: Bob <sip:bob@biloxi.example.com>
        From: Alice <sip:alice@atlanta.example.com>;tag=1928301774
        Call-ID: a84b4c76e66710
        CSeq: 314159 INVITE
        Contact: <sip:alice@pc33.atlanta.example.com>
        Content-Length: 0


        """);

    public static SipResponse Response(int status, string? toTag = "a6c85cf", string contact = "<sip:bob@192.0.2.4>") => SipText.Response($"""
        SIP/2.0 {status} Whatever
        Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKnashds8
        Record-Route: <sip:p2.example.com;lr>
        Record-Route: <sip:p1.example.com;lr>
        To: Bob <sip:bob@biloxi.example.com>{(toTag is null ? string.Empty : ";tag=" + toTag)}
        From: Alice <sip:alice@atlanta.example.com>;tag=1928301774
        Call-ID: a84b4c76e66710
        CSeq: 314159 INVITE
        Contact: {contact}
        Content-Length: 0


        """);

    public static SipRequest InDialog(string method, int cseq, string contact = "<sip:alice@pc33.atlanta.example.com>", string toTag = "b0b", string callId = "a84b4c76e66710") => SipText.Request($"""
        {method} sip:bob@192.0.2.4 SIP/2.0
        Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKin{cseq}
        Max-Forwards: 70
        To: Bob <sip:bob@biloxi.example.com>;tag={toTag}
        From: Alice <sip:alice@atlanta.example.com>;tag=1928301774
        Call-ID: {callId}
        CSeq: {cseq} {method}
        Contact: {contact}
        Content-Length: 0


        """);
}
