using System.Text;
using CallCluster.Sip.Auth;
using CallCluster.Sip.Message;

namespace CallCluster.Gateway.Tests.Support;

/// <summary>Request text for the test user agents.</summary>
public static class SipText
{
    public const string Domain = "cc.test";

    public const string Sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";

    public static string Request(
        TestUa ua,
        string method,
        string requestUri,
        string to,
        string callId,
        int cseq,
        string fromTag,
        string? branch = null,
        string? toTag = null,
        string? body = null,
        params string[] extra)
    {
        var sb = new StringBuilder();
        sb.Append($"{method} {requestUri} SIP/2.0\r\n");
        sb.Append($"Via: SIP/2.0/UDP {ua.Address}:{ua.Port};branch={branch ?? NewBranch()};rport\r\n");
        sb.Append("Max-Forwards: 70\r\n");
        sb.Append($"From: <sip:{ua.User}@{Domain}>;tag={fromTag}\r\n");
        sb.Append($"To: <{to}>{(toTag is null ? string.Empty : ";tag=" + toTag)}\r\n");
        sb.Append($"Call-ID: {callId}\r\n");
        sb.Append($"CSeq: {cseq} {method}\r\n");
        sb.Append($"Contact: <{ua.Contact}>\r\n");
        foreach (var line in extra)
        {
            sb.Append(line).Append("\r\n");
        }

        if (body is not null)
        {
            sb.Append("Content-Type: application/sdp\r\n");
        }

        sb.Append($"Content-Length: {Encoding.UTF8.GetByteCount(body ?? string.Empty)}\r\n\r\n");
        sb.Append(body);
        return sb.ToString();
    }

    public static string NewBranch() => "z9hG4bK" + Guid.NewGuid().ToString("N")[..16];

    public static string NewId() => Guid.NewGuid().ToString("N")[..12];

    public static SipRequest Parse(string text) =>
        SipParser.TryParse(Encoding.UTF8.GetBytes(text), out var m, out var e) && m is SipRequest r ? r : throw new InvalidOperationException(e.ToString());

    /// <summary>The Authorization/Proxy-Authorization line answering <paramref name="challenge"/> for <paramref name="requestText"/>.</summary>
    public static string Answer(SipResponse challenge, string requestText, string user, string password, DigestAlgorithm? only = null)
    {
        var proxy = challenge.StatusCode == 407;
        var headers = proxy ? challenge.ProxyAuthenticate : challenge.WwwAuthenticate;
        var challenges = headers.Select(h => DigestChallenge.TryFrom(h, out var c, out _) ? c : null).OfType<DigestChallenge>()
            .Where(c => only is null || c.Algorithm == only).ToList();
        var request = Parse(requestText);
        if (!DigestClient.FromPassword(user, password).TryAnswer(challenges, request.Method, request.RequestUriText, out var authorization))
        {
            throw new InvalidOperationException("cannot answer the challenge");
        }

        return $"{DigestMessages.CredentialsHeader(proxy)}: {authorization!.ToHeaderValue()}";
    }

    /// <summary>The ACK for a non-2xx final response to <paramref name="inviteText"/> (same branch).</summary>
    public static string AckFor(string inviteText, SipResponse response) =>
        Encoding.UTF8.GetString(SipMessageFactory.CreateAckForNon2xx(Parse(inviteText), response).ToBytes());
}
