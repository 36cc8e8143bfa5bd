namespace CallCluster.Sip.Auth;

/// <summary>Settings of a digest realm on the server side.</summary>
/// <param name="Realm">Realm announced in challenges and part of every HA1.</param>
/// <param name="Secret">Nonce MAC key shared by every node of the realm (at least 16 bytes).</param>
/// <param name="NonceLifetime">Age after which a nonce is stale.</param>
/// <param name="Algorithms">Algorithms offered, in order of preference (one challenge each).</param>
public sealed record DigestChallengerOptions(
    string Realm,
    ReadOnlyMemory<byte> Secret,
    TimeSpan NonceLifetime,
    IReadOnlyList<DigestAlgorithm> Algorithms)
{
    /// <summary>SHA-256 first then MD5, nonces valid for five minutes.</summary>
    public static DigestChallengerOptions Default(string realm, ReadOnlyMemory<byte> secret) =>
        new(realm, secret, TimeSpan.FromMinutes(5), [DigestAlgorithm.Sha256, DigestAlgorithm.Md5]);
}

/// <summary>
/// Builds the values of WWW-Authenticate (401) and Proxy-Authenticate (407) headers: one
/// challenge per offered algorithm (SHA-256 first, then MD5, RFC 8760 section 2.4), qop="auth",
/// a stateless nonce and an opaque value; stale=TRUE after an expired nonce.
/// Stateless and safe to share between threads.
/// </summary>
public sealed class DigestChallenger
{
    public DigestChallenger(DigestChallengerOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Algorithms.Count == 0) throw new ArgumentException("At least one algorithm must be offered.", nameof(options));
        Options = options;
        Nonces = new DigestNonces(options.Secret.Span, options.Realm, options.NonceLifetime, time);
        Opaque = Nonces.Opaque();
    }

    public DigestChallengerOptions Options { get; }

    /// <summary>The realm announced.</summary>
    public string Realm => Options.Realm;

    /// <summary>Issues and checks the nonces.</summary>
    public DigestNonces Nonces { get; }

    /// <summary>The opaque value sent in every challenge of this realm.</summary>
    public string Opaque { get; }

    /// <summary>One challenge per offered algorithm, in order of preference, sharing one fresh nonce.</summary>
    public IReadOnlyList<DigestChallenge> CreateChallenges(bool stale = false)
    {
        var nonce = Nonces.Issue();
        return Options.Algorithms
            .Select(a => new DigestChallenge(Realm, nonce, a, "auth", Opaque, stale))
            .ToArray();
    }

    /// <summary>The header values of <see cref="CreateChallenges"/>, one header line each.</summary>
    public IReadOnlyList<string> CreateHeaderValues(bool stale = false) =>
        CreateChallenges(stale).Select(c => c.ToHeaderValue()).ToArray();
}
