namespace CallCluster.Sip.Auth;

/// <summary>The request-digest computation of RFC 7616 section 3.4.1 (RFC 2617 without qop).</summary>
public static class DigestResponse
{
    /// <summary>
    /// Computes the "response" value. With <paramref name="qop"/> null the RFC 2069 form
    /// H(HA1:nonce:HA2) is used; with qop "auth" H(HA1:nonce:nc:cnonce:qop:HA2).
    /// For "-sess" algorithms HA1 becomes H(HA1:nonce:cnonce).
    /// </summary>
    public static string Compute(
        DigestAlgorithm algorithm,
        string ha1Hex,
        string nonce,
        string method,
        string uri,
        string? qop,
        string? nonceCount,
        string? cnonce)
    {
        var ha1 = algorithm.IsSession()
            ? algorithm.HashHex($"{ha1Hex}:{nonce}:{cnonce}")
            : ha1Hex;
        var ha2 = algorithm.HashHex($"{method}:{uri}");
        return qop is null
            ? algorithm.HashHex($"{ha1}:{nonce}:{ha2}")
            : algorithm.HashHex($"{ha1}:{nonce}:{nonceCount}:{cnonce}:{qop}:{ha2}");
    }
}
