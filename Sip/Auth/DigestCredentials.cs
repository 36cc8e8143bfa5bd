namespace CallCluster.Sip.Auth;

/// <summary>
/// What a server stores for one subscriber: HA1 for MD5 and for SHA-256 in one realm.
/// Built once from the password when the subscriber is provisioned; the password is dropped.
/// </summary>
public sealed record DigestCredentials(string Username, string Realm, Ha1 Md5, Ha1 Sha256)
{
    /// <summary>Computes both HA1 values from a password (provisioning time only).</summary>
    public static DigestCredentials FromPassword(string username, string realm, string password) =>
        new(username, realm,
            Ha1.Compute(DigestAlgorithm.Md5, username, realm, password),
            Ha1.Compute(DigestAlgorithm.Sha256, username, realm, password));

    /// <summary>The HA1 matching the hash function of <paramref name="algorithm"/>.</summary>
    public Ha1 For(DigestAlgorithm algorithm) =>
        algorithm.BaseHash() == DigestAlgorithm.Md5 ? Md5 : Sha256;
}
