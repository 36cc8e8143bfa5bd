using System.Text;
using CallCluster.Sip.Message.Headers;

namespace CallCluster.Sip.Auth;

/// <summary>
/// One Digest challenge, the value of a WWW-Authenticate (401) or Proxy-Authenticate (407) header
/// (RFC 3261 section 22.4, RFC 7616 section 3.3).
/// </summary>
/// <param name="Realm">Protection space, shown to the user and part of HA1.</param>
/// <param name="Nonce">Server nonce.</param>
/// <param name="Algorithm">Requested algorithm (absent on the wire means MD5).</param>
/// <param name="Qop">Raw qop-options list, e.g. "auth" or "auth,auth-int"; null when absent.</param>
/// <param name="Opaque">Value the client must echo; null when absent.</param>
/// <param name="Stale">True when the previous nonce expired but the credentials were right.</param>
public sealed record DigestChallenge(
    string Realm,
    string Nonce,
    DigestAlgorithm Algorithm,
    string? Qop,
    string? Opaque,
    bool Stale)
{
    /// <summary>True when the qop-options list contains "auth".</summary>
    public bool OffersQopAuth =>
        Qop is not null && Qop.Split(',', StringSplitOptions.TrimEntries)
            .Any(q => string.Equals(q, "auth", StringComparison.OrdinalIgnoreCase));

    /// <summary>Formats the header value: <c>Digest realm="..", nonce="..", ...</c>.</summary>
    public string ToHeaderValue()
    {
        var b = new StringBuilder("Digest ");
        AuthParameters.AppendQuoted(b, "realm", Realm);
        b.Append(", ");
        AuthParameters.AppendQuoted(b, "nonce", Nonce);
        if (Opaque is not null)
        {
            b.Append(", ");
            AuthParameters.AppendQuoted(b, "opaque", Opaque);
        }
        b.Append(", algorithm=").Append(Algorithm.ToToken());
        if (Qop is not null)
        {
            b.Append(", ");
            AuthParameters.AppendQuoted(b, "qop", Qop);
        }
        if (Stale) b.Append(", stale=TRUE");
        return b.ToString();
    }

    /// <summary>
    /// Parses a challenge header value. False with a reason when it is not Digest, lacks realm or
    /// nonce, or names an algorithm this stack does not support.
    /// </summary>
    public static bool TryParse(string? value, out DigestChallenge? challenge, out string error)
    {
        challenge = null;
        if (!AuthParameters.TryParse(value, out var header, out error)) return false;
        return TryFrom(header!, out challenge, out error);
    }

    /// <summary>Reads a value already parsed by the message layer (e.g. from <c>SipMessage.WwwAuthenticate</c>).</summary>
    public static bool TryFrom(SipAuthHeader header, out DigestChallenge? challenge, out string error)
    {
        challenge = null;
        if (!AuthParameters.TryGetDigestParameters(header, out var p, out error)) return false;
        if (!p.TryGetValue("realm", out var realm)) { error = "missing realm"; return false; }
        if (!p.TryGetValue("nonce", out var nonce) || nonce.Length == 0) { error = "missing nonce"; return false; }
        var algorithm = DigestAlgorithm.Md5;
        if (p.TryGetValue("algorithm", out var token) && !DigestAlgorithms.TryParse(token, out algorithm))
        {
            error = $"unsupported algorithm {token}";
            return false;
        }
        var stale = p.TryGetValue("stale", out var s) && string.Equals(s, "true", StringComparison.OrdinalIgnoreCase);
        challenge = new DigestChallenge(realm, nonce, algorithm, p.GetValueOrDefault("qop"), p.GetValueOrDefault("opaque"), stale);
        return true;
    }
}
