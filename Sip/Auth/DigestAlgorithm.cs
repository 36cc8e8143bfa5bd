using System.Security.Cryptography;
using System.Text;

namespace CallCluster.Sip.Auth;

/// <summary>Digest algorithms of RFC 7616 section 3.3 (RFC 8760 for SIP) that this stack supports.</summary>
public enum DigestAlgorithm
{
    Md5,
    Md5Sess,
    Sha256,
    Sha256Sess,
}

/// <summary>Tokens and hash functions of <see cref="DigestAlgorithm"/>.</summary>
public static class DigestAlgorithms
{
    /// <summary>The token used on the wire: "MD5", "MD5-sess", "SHA-256", "SHA-256-sess".</summary>
    public static string ToToken(this DigestAlgorithm algorithm) => algorithm switch
    {
        DigestAlgorithm.Md5 => "MD5",
        DigestAlgorithm.Md5Sess => "MD5-sess",
        DigestAlgorithm.Sha256 => "SHA-256",
        DigestAlgorithm.Sha256Sess => "SHA-256-sess",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    /// <summary>Parses an algorithm token, case-insensitively. Unknown tokens (e.g. SHA-512-256) give false.</summary>
    public static bool TryParse(string? token, out DigestAlgorithm algorithm)
    {
        algorithm = DigestAlgorithm.Md5;
        if (token is null) return false;
        foreach (var candidate in All)
        {
            if (string.Equals(token, candidate.ToToken(), StringComparison.OrdinalIgnoreCase))
            {
                algorithm = candidate;
                return true;
            }
        }
        return false;
    }

    /// <summary>Every supported algorithm.</summary>
    public static IReadOnlyList<DigestAlgorithm> All { get; } =
        [DigestAlgorithm.Md5, DigestAlgorithm.Md5Sess, DigestAlgorithm.Sha256, DigestAlgorithm.Sha256Sess];

    /// <summary>True for the "-sess" variants, whose HA1 also covers nonce and cnonce.</summary>
    public static bool IsSession(this DigestAlgorithm algorithm) =>
        algorithm is DigestAlgorithm.Md5Sess or DigestAlgorithm.Sha256Sess;

    /// <summary>The plain algorithm with the same hash function (MD5-sess gives MD5).</summary>
    public static DigestAlgorithm BaseHash(this DigestAlgorithm algorithm) => algorithm switch
    {
        DigestAlgorithm.Md5 or DigestAlgorithm.Md5Sess => DigestAlgorithm.Md5,
        _ => DigestAlgorithm.Sha256,
    };

    /// <summary>Length in hex characters of this algorithm's digest (32 for MD5, 64 for SHA-256).</summary>
    public static int HexLength(this DigestAlgorithm algorithm) =>
        algorithm.BaseHash() == DigestAlgorithm.Md5 ? 32 : 64;

    /// <summary>Lower-case hex of H(text) with the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static string HashHex(this DigestAlgorithm algorithm, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var hash = algorithm.BaseHash() == DigestAlgorithm.Md5 ? MD5.HashData(bytes) : SHA256.HashData(bytes);
        return Convert.ToHexStringLower(hash);
    }
}
