namespace CallCluster.Sip.Auth;

/// <summary>
/// A stored digest secret: HA1 = H(username ":" realm ":" password) in lower-case hex
/// (RFC 7616 section 3.4.2). The password itself is never kept.
/// </summary>
/// <param name="Algorithm">The hash function: <see cref="DigestAlgorithm.Md5"/> or <see cref="DigestAlgorithm.Sha256"/>.</param>
/// <param name="Hex">Lower-case hex digest.</param>
public sealed record Ha1(DigestAlgorithm Algorithm, string Hex)
{
    /// <summary>Computes HA1 at provisioning time. "-sess" algorithms are stored under their base hash.</summary>
    public static Ha1 Compute(DigestAlgorithm algorithm, string username, string realm, string password)
    {
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(realm);
        ArgumentNullException.ThrowIfNull(password);
        var hash = algorithm.BaseHash();
        return new Ha1(hash, hash.HashHex($"{username}:{realm}:{password}"));
    }

    /// <summary>Prints the algorithm only, so that the secret does not end up in logs.</summary>
    public override string ToString() => $"Ha1({Algorithm.ToToken()})";
}
