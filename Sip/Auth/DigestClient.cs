using System.Globalization;
using System.Security.Cryptography;

namespace CallCluster.Sip.Auth;

/// <summary>
/// The client side of digest (terminals and trunks): answers 401/407 challenges, choosing
/// SHA-256 when offered and MD5 otherwise, with qop=auth, a random cnonce and an nc that
/// increments while the same nonce is reused. HA1 comes per realm from the source given at construction.
/// Not thread-safe: owned by one user agent loop.
/// </summary>
public sealed class DigestClient
{
    private readonly string _username;
    private readonly Func<string, DigestAlgorithm, Ha1?> _ha1;
    private readonly Func<string> _cnonce;
    private DigestChallenge? _current;
    private uint _nonceCount;
    private string _currentCnonce = "";

    /// <param name="ha1">HA1 for a realm and hash (null when the client has none for that realm).</param>
    /// <param name="cnonce">Source of client nonces; random 16 bytes in hex when null.</param>
    public DigestClient(string username, Func<string, DigestAlgorithm, Ha1?> ha1, Func<string>? cnonce = null)
    {
        _username = username;
        _ha1 = ha1;
        _cnonce = cnonce ?? (() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
    }

    /// <summary>A client for a password: HA1 is derived for whatever realm challenges it.</summary>
    public static DigestClient FromPassword(string username, string password, Func<string>? cnonce = null) =>
        new(username, (realm, algorithm) => Ha1.Compute(algorithm, username, realm, password), cnonce);

    /// <summary>A client for stored credentials of one realm (trunk configured with HA1).</summary>
    public static DigestClient FromCredentials(DigestCredentials credentials, Func<string>? cnonce = null) =>
        new(credentials.Username,
            (realm, algorithm) => realm == credentials.Realm ? credentials.For(algorithm) : null, cnonce);

    /// <summary>The nonce-count sent last (0 before the first answer).</summary>
    public uint NonceCount => _nonceCount;

    /// <summary>
    /// Picks the best challenge among the parsed WWW-/Proxy-Authenticate values (SHA-256, then
    /// MD5; unknown or unparseable ones skipped) and answers it. False when none can be answered.
    /// </summary>
    public bool TryAnswer(IEnumerable<string> challengeValues, string method, string uri, out DigestAuthorization? authorization)
    {
        var challenges = challengeValues.SelectMany(DigestMessages.ParseChallenges).ToList();
        return TryAnswer(challenges, method, uri, out authorization);
    }

    /// <summary>Answers the preferred challenge among <paramref name="challenges"/>.</summary>
    public bool TryAnswer(IReadOnlyList<DigestChallenge> challenges, string method, string uri, out DigestAuthorization? authorization)
    {
        authorization = null;
        var chosen = challenges
            .Where(c => c.Qop is null || c.OffersQopAuth)
            .Where(c => _ha1(c.Realm, c.Algorithm.BaseHash()) is not null)
            .OrderBy(c => c.Algorithm.BaseHash() == DigestAlgorithm.Sha256 ? 0 : 1)
            .FirstOrDefault();
        if (chosen is null) return false;
        if (_current is null || _current.Nonce != chosen.Nonce || _current.Realm != chosen.Realm)
        {
            _nonceCount = 0;
            _currentCnonce = _cnonce();
        }
        _current = chosen;
        authorization = Authorize(method, uri);
        return authorization is not null;
    }

    /// <summary>
    /// Credentials for a further request reusing the last challenge's nonce with the next nc
    /// (pre-emptive authentication). Null before any challenge was answered.
    /// </summary>
    public DigestAuthorization? Authorize(string method, string uri)
    {
        if (_current is not { } c) return null;
        var ha1 = _ha1(c.Realm, c.Algorithm.BaseHash());
        if (ha1 is null) return null;
        var withQop = c.OffersQopAuth;
        string? nc = null;
        string? cnonce = null;
        if (withQop)
        {
            _nonceCount++;
            nc = _nonceCount.ToString("x8", CultureInfo.InvariantCulture);
            cnonce = _currentCnonce;
        }
        else if (c.Algorithm.IsSession())
        {
            cnonce = _currentCnonce;
        }
        var qop = withQop ? "auth" : null;
        var response = DigestResponse.Compute(c.Algorithm, ha1.Hex, c.Nonce, method, uri, qop, nc, cnonce);
        return new DigestAuthorization(_username, c.Realm, c.Nonce, uri, response, c.Algorithm, qop, nc, cnonce, c.Opaque);
    }
}
