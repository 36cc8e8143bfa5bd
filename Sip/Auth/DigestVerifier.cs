using System.Security.Cryptography;
using System.Text;

namespace CallCluster.Sip.Auth;

/// <summary>
/// Checks Authorization / Proxy-Authorization credentials against stored HA1 values
/// (RFC 3261 section 22, RFC 7616, RFC 8760): realm, opaque, digest-uri, nonce authenticity
/// and age, the response for MD5, SHA-256 and their -sess forms with qop=auth, and nonce-count
/// replay. Holds a <see cref="NonceCountTable"/>, so it is NOT thread-safe: one instance is owned
/// by one actor or one loop; nonces themselves validate on any node sharing the secret.
/// </summary>
public sealed class DigestVerifier
{
    private readonly DigestChallenger _challenger;
    private readonly NonceCountTable _counts;

    /// <param name="replayCapacity">Most nonces whose nonce-count is remembered.</param>
    public DigestVerifier(DigestChallenger challenger, TimeProvider time, int replayCapacity = 10_000)
    {
        _challenger = challenger;
        _counts = new NonceCountTable(replayCapacity, challenger.Options.NonceLifetime, time);
    }

    /// <summary>The realm verified.</summary>
    public string Realm => _challenger.Realm;

    /// <summary>The replay table (for inspection).</summary>
    public NonceCountTable NonceCounts => _counts;

    /// <summary>Parses the header value, then verifies it; unparseable values give <see cref="DigestVerifyResult.Malformed"/>.</summary>
    public DigestVerifyResult Verify(string? headerValue, string method, string requestUri, Func<string, DigestCredentials?> lookup)
    {
        if (!DigestAuthorization.TryParse(headerValue, out var authorization, out _)) return DigestVerifyResult.Malformed;
        return Verify(authorization!, method, requestUri, lookup(authorization!.Username));
    }

    /// <summary>
    /// Verifies credentials for a request with <paramref name="method"/> and <paramref name="requestUri"/>.
    /// <paramref name="credentials"/> is what the directory holds for the username (null when unknown).
    /// </summary>
    public DigestVerifyResult Verify(DigestAuthorization authorization, string method, string requestUri, DigestCredentials? credentials)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        if (!string.Equals(authorization.Realm, _challenger.Realm, StringComparison.Ordinal)) return DigestVerifyResult.RealmMismatch;
        if (authorization.Opaque is not null && !string.Equals(authorization.Opaque, _challenger.Opaque, StringComparison.Ordinal))
            return DigestVerifyResult.OpaqueMismatch;
        if (!string.Equals(authorization.Uri, requestUri, StringComparison.Ordinal)) return DigestVerifyResult.UriMismatch;
        if (authorization.Qop is null || !string.Equals(authorization.Qop, "auth", StringComparison.OrdinalIgnoreCase))
            return DigestVerifyResult.UnsupportedQop;
        if (string.IsNullOrEmpty(authorization.Cnonce) || !authorization.TryGetNonceCount(out var nc)) return DigestVerifyResult.Malformed;
        if (!_challenger.Options.Algorithms.Any(a => a.BaseHash() == authorization.Algorithm.BaseHash()))
            return DigestVerifyResult.Malformed;
        if (authorization.Response.Length != authorization.Algorithm.HexLength()) return DigestVerifyResult.Malformed;

        var nonceState = _challenger.Nonces.Check(authorization.Nonce, out var issuedAt);
        if (nonceState == NonceState.Invalid) return DigestVerifyResult.InvalidNonce;
        if (credentials is null
            || !string.Equals(credentials.Username, authorization.Username, StringComparison.Ordinal)
            || !string.Equals(credentials.Realm, authorization.Realm, StringComparison.Ordinal))
            return DigestVerifyResult.UnknownUser;

        var expected = DigestResponse.Compute(
            authorization.Algorithm, credentials.For(authorization.Algorithm).Hex, authorization.Nonce,
            method, authorization.Uri, "auth", authorization.NonceCount, authorization.Cnonce);
        if (!HexEquals(expected, authorization.Response)) return DigestVerifyResult.BadResponse;
        if (nonceState == NonceState.Expired) return DigestVerifyResult.Stale;

        return _counts.Check(authorization.Nonce, issuedAt, nc) switch
        {
            NonceCountResult.Accepted => DigestVerifyResult.Ok,
            NonceCountResult.Replay => DigestVerifyResult.Replay,
            _ => DigestVerifyResult.Stale,
        };
    }

    private static bool HexEquals(string expectedLower, string actual) =>
        CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(expectedLower),
            Encoding.ASCII.GetBytes(actual.ToLowerInvariant()));
}
