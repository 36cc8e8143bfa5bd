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
/// <paramref name="Address"/>, receiving calls to numbers starting with one of <paramref name="Prefixes"/>.
/// <paramref name="Media"/>: whether calls over it anchor their RTP on a media node (the default) or
/// let it flow between the endpoints.</summary>
public sealed record TrunkSpec(
    string Name,
    string Address,
    IReadOnlyList<string> TrustedSources,
    IReadOnlyList<string> Prefixes,
    TrunkMedia Media = TrunkMedia.Anchor) : ICallClusterMessage;

/// <summary>Media handling of calls over a trunk.</summary>
public enum TrunkMedia
{
    /// <summary>RTP goes through a media node (topology hiding, NAT traversal, transcoding).</summary>
    Anchor = 0,

    /// <summary>SDP is relayed unchanged: RTP flows directly between the trunk and the other party.</summary>
    Bypass = 1,
}

/// <summary>A stored subscriber: digest HA1 = H(user:realm:password) for MD5 and SHA-256, lowercase hex.</summary>
public sealed record Subscriber(
    string User,
    SubscriberKind Kind,
    string Realm,
    string Ha1Md5,
    string Ha1Sha256) : ICallClusterMessage;
