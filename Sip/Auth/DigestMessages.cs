using CallCluster.Sip.Message;
using CallCluster.Sip.Message.Headers;

namespace CallCluster.Sip.Auth;

/// <summary>
/// Digest over whole messages: which header carries challenges and credentials, verifying the
/// credentials of a request, and answering a 401/407 for a request sent earlier.
/// </summary>
public static class DigestMessages
{
    /// <summary>"Proxy-Authenticate" for a proxy (407), "WWW-Authenticate" for a registrar or UAS (401).</summary>
    public static string ChallengeHeader(bool proxy) => proxy ? "Proxy-Authenticate" : "WWW-Authenticate";

    /// <summary>"Proxy-Authorization" for a proxy, "Authorization" otherwise.</summary>
    public static string CredentialsHeader(bool proxy) => proxy ? "Proxy-Authorization" : "Authorization";

    /// <summary>The status that carries a challenge: 407 for a proxy, 401 otherwise.</summary>
    public static int ChallengeStatus(bool proxy) => proxy ? 407 : 401;

    /// <summary>
    /// Verifies the request's Authorization (or Proxy-Authorization when <paramref name="proxy"/>)
    /// credentials for the verifier's realm against the Request-URI and method. Credentials for
    /// other realms are ignored; none for ours gives <see cref="DigestVerifyResult.Missing"/>.
    /// </summary>
    public static DigestVerifyResult Verify(
        this DigestVerifier verifier,
        SipRequest request,
        bool proxy,
        Func<string, DigestCredentials?> lookup,
        out DigestAuthorization? authorization)
    {
        authorization = null;
        var values = proxy ? request.ProxyAuthorization : request.Authorization;
        var broken = false;
        foreach (var header in values)
        {
            if (!header.IsDigest) continue;
            if (!DigestAuthorization.TryFrom(header, out var candidate, out _))
            {
                broken = true;
                continue;
            }
            if (!string.Equals(candidate!.Realm, verifier.Realm, StringComparison.Ordinal)) continue;
            authorization = candidate;
            return verifier.Verify(candidate, request.Method, request.RequestUriText, lookup(candidate.Username));
        }
        var present = request.HasHeader(CredentialsHeader(proxy));
        return broken || (present && values.Count == 0) ? DigestVerifyResult.Malformed : DigestVerifyResult.Missing;
    }

    /// <summary>
    /// Answers the challenges of a 401 or 407 <paramref name="response"/> to <paramref name="request"/>.
    /// On success gives the header name to add to the retried request and its credentials.
    /// </summary>
    public static bool TryAnswer(
        this DigestClient client,
        SipResponse response,
        SipRequest request,
        out string headerName,
        out DigestAuthorization? authorization)
    {
        var proxy = response.StatusCode == 407;
        headerName = CredentialsHeader(proxy);
        authorization = null;
        if (response.StatusCode is not (401 or 407)) return false;
        var challenges = new List<DigestChallenge>();
        foreach (var header in proxy ? response.ProxyAuthenticate : response.WwwAuthenticate)
        {
            if (DigestChallenge.TryFrom(header, out var c, out _)) challenges.Add(c!);
        }
        return client.TryAnswer(challenges, request.Method, request.RequestUriText, out authorization);
    }

    /// <summary>Every Digest challenge in one header line (a line may hold several, RFC 7235).</summary>
    public static IReadOnlyList<DigestChallenge> ParseChallenges(string headerLine)
    {
        var parsed = new List<SipAuthHeader>();
        if (headerLine.Length > AuthParameters.MaxLength || !SipAuthHeader.TryParseList(headerLine, parsed)) return [];
        var result = new List<DigestChallenge>();
        foreach (var header in parsed)
        {
            if (DigestChallenge.TryFrom(header, out var c, out _)) result.Add(c!);
        }
        return result;
    }
}
