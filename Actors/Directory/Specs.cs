using CallCluster.Actors.Serialization;

namespace CallCluster.Actors.Directory;

/// <summary>A subscriber as provisioned. <paramref name="Password"/> is hashed at once and never stored;
/// null on an update keeps the stored hashes.</summary>
public sealed record SubscriberSpec(string User, string? Password, SubscriberKind Kind) : ICallClusterMessage
{
    /// <summary>Hides the password when logged.</summary>
    public override string ToString() => $"SubscriberSpec {{ User = {User}, Kind = {Kind.ToText()} }}";
}

/// <summary>Mobiles bound to local terminals.</summary>
public sealed record HouseholdSpec(string Id, IReadOnlyList<string> Mobiles, IReadOnlyList<string> LocalTerminals)
    : ICallClusterMessage;

/// <summary>A peer switch: recognised by its trusted source addresses (IP or CIDR), reached at
/// <paramref name="Address"/>, receiving calls to numbers starting with one of <paramref name="Prefixes"/>.</summary>
public sealed record TrunkSpec(
    string Name,
    string Address,
    IReadOnlyList<string> TrustedSources,
    IReadOnlyList<string> Prefixes) : ICallClusterMessage;

/// <summary>A stored subscriber: digest HA1 = H(user:realm:password) for MD5 and SHA-256, lowercase hex.</summary>
public sealed record Subscriber(
    string User,
    SubscriberKind Kind,
    string Realm,
    string Ha1Md5,
    string Ha1Sha256) : ICallClusterMessage;
