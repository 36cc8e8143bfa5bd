using System.Text;
using CallCluster.Sip.Message;

namespace CallCluster.Sip.Tests.Transactions;

/// <summary>Builds test messages from text through the real parser.</summary>
internal static class SipText
{
    public static SipRequest Request(string text) => (SipRequest)Parse(text);

    public static SipResponse Response(string text) => (SipResponse)Parse(text);

    public static SipRequest Invite(string branch = "z9hG4bK74bf9", string fromTag = "9fxced76sl", string callId = "3848276298220188511@atlanta.example.com",
        int cseq = 1, string? toTag = null, string sentBy = "client.atlanta.example.com:5060", string method = "INVITE", string uri = "sip:bob@biloxi.example.com") =>
        Request($"""
            {method} {uri} SIP/2.0
            Via: SIP/2.0/UDP {sentBy}{(branch.Length > 0 ? ";branch=" + branch : string.Empty)}
            Max-Forwards: 70
            From: Alice <sip:alice@atlanta.example.com>;tag={fromTag}
            To: Bob <sip:bob@biloxi.example.com>{(toTag is null ? string.Empty : ";tag=" + toTag)}
            Call-ID: {callId}
            CSeq: {cseq} {(method == "ACK" || method == "CANCEL" ? method : method)}
            Contact: <sip:alice@client.atlanta.example.com;transport=udp>
            Content-Length: 0


            """);

    public static SipResponse ResponseTo(SipRequest request, int status, string? toTag = "314159")
    {
        var sb = new StringBuilder();
        sb.Append("SIP/2.0 ").Append(status).Append(" Reason\r\n");
        foreach (var via in request.GetHeaderValues("Via"))
        {
            sb.Append("Via: ").Append(via).Append("\r\n");
        }

        sb.Append("From: ").Append(request.GetHeaderValue("From")).Append("\r\n");
        var to = request.GetHeaderValue("To")!;
        sb.Append("To: ").Append(to).Append(toTag is not null && !to.Contains(";tag=", StringComparison.Ordinal) ? ";tag=" + toTag : string.Empty).Append("\r\n");
        sb.Append("Call-ID: ").Append(request.GetHeaderValue("Call-ID")).Append("\r\n");
        sb.Append("CSeq: ").Append(request.GetHeaderValue("CSeq")).Append("\r\n");
        sb.Append("Content-Length: 0\r\n\r\n");
        return (SipResponse)Parse(sb.ToString());
    }

    private static SipMessage Parse(string text)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal);
        if (!SipParser.TryParse(Encoding.UTF8.GetBytes(normalized), out var message, out var error))
        {
            throw new InvalidOperationException("test message does not parse: " + error);
        }

        return message!;
    }
}
