using System.Security.Cryptography;
using System.Text;

namespace CallCluster.Actors.Directory;

/// <summary>Digest HA1 = H(user:realm:password) as lowercase hex (RFC 2617 for MD5, RFC 8760 for SHA-256).</summary>
public static class DigestHashes
{
    public static string Ha1Md5(string user, string realm, string password) =>
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes($"{user}:{realm}:{password}")));

    public static string Ha1Sha256(string user, string realm, string password) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{user}:{realm}:{password}")));

    public static Subscriber Provision(string user, SubscriberKind kind, string realm, string password) =>
        new(user, kind, realm, Ha1Md5(user, realm, password), Ha1Sha256(user, realm, password));
}
