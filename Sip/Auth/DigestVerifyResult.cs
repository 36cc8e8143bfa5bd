namespace CallCluster.Sip.Auth;

/// <summary>Outcome of <see cref="DigestVerifier.Verify(DigestAuthorization, string, string, DigestCredentials?)"/>.</summary>
public enum DigestVerifyResult
{
    /// <summary>Credentials are right, nonce fresh, nc new: accept the request.</summary>
    Ok,

    /// <summary>Credentials are right but the nonce expired (or was forgotten): challenge with stale=TRUE.</summary>
    Stale,

    /// <summary>The response digest is wrong (wrong password): challenge again.</summary>
    BadResponse,

    /// <summary>The nonce-count was already used for this nonce: reject (replay).</summary>
    Replay,

    /// <summary>No credentials for this username in this realm.</summary>
    UnknownUser,

    /// <summary>The header cannot be parsed or misses required parameters (400 or a new challenge).</summary>
    Malformed,

    /// <summary>The realm is not ours.</summary>
    RealmMismatch,

    /// <summary>The nonce was not issued by this realm's secret.</summary>
    InvalidNonce,

    /// <summary>The digest-uri differs from the Request-URI.</summary>
    UriMismatch,

    /// <summary>The opaque value is not the one we sent.</summary>
    OpaqueMismatch,

    /// <summary>The request carries no Digest credentials for this realm: challenge it.</summary>
    Missing,

    /// <summary>qop missing or other than "auth" (auth-int and RFC 2069 responses are not accepted).</summary>
    UnsupportedQop,
}
