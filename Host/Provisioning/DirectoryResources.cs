namespace CallCluster.Host.Provisioning;

/// <summary>A subscriber as written in the provisioning file and under /api/v1/subscribers.</summary>
/// <param name="Kind">"mobile", "local-terminal" or "other".</param>
public sealed record SubscriberResource(string User, string Kind, string? Password = null);

/// <summary>A household: mobiles (subscriber users) bound to local terminals.</summary>
public sealed record HouseholdResource(string Id, IReadOnlyList<string> Mobiles, IReadOnlyList<string> LocalTerminals);

/// <summary>A trunk: peer switch address, source addresses or CIDR ranges it is trusted from, routed prefixes.</summary>
/// <param name="Media">"anchor" (default when absent) or "bypass".</param>
public sealed record TrunkResource(string Name, string Address, IReadOnlyList<string> TrustedSources, IReadOnlyList<string> Prefixes, string? Media = null);

/// <summary>The provisioning file (`Provisioning:File`).</summary>
public sealed record ProvisioningDocument(
    string? Domain = null,
    IReadOnlyList<SubscriberResource>? Subscribers = null,
    IReadOnlyList<HouseholdResource>? Households = null,
    IReadOnlyList<TrunkResource>? Trunks = null);
