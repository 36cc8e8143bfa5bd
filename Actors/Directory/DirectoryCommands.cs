using System.Text.Json.Serialization;
using CallCluster.Actors.Serialization;

namespace CallCluster.Actors.Directory;

/// <summary>Provisioning commands and queries, sent to the <c>DirectoryActor</c> of any node.</summary>
public static class DirectoryCommands
{
    [JsonPolymorphic(TypeDiscriminatorPropertyName = "$m")]
    [JsonDerivedType(typeof(UpsertSubscriber), "dc1")]
    [JsonDerivedType(typeof(DeleteSubscriber), "dc2")]
    [JsonDerivedType(typeof(GetSubscriber), "dc3")]
    [JsonDerivedType(typeof(ListSubscribers), "dc4")]
    [JsonDerivedType(typeof(UpsertHousehold), "dc5")]
    [JsonDerivedType(typeof(DeleteHousehold), "dc6")]
    [JsonDerivedType(typeof(GetHousehold), "dc7")]
    [JsonDerivedType(typeof(ListHouseholds), "dc8")]
    [JsonDerivedType(typeof(UpsertTrunk), "dc9")]
    [JsonDerivedType(typeof(DeleteTrunk), "dc10")]
    [JsonDerivedType(typeof(GetTrunk), "dc11")]
    [JsonDerivedType(typeof(ListTrunks), "dc12")]
    public interface IDirectoryCommand : ICallClusterMessage;

    /// <summary>Creates or replaces; the realm (the SIP domain) enters the HA1 hashes.</summary>
    public sealed record UpsertSubscriber(SubscriberSpec Subscriber, string Realm) : IDirectoryCommand;

    public sealed record DeleteSubscriber(string User) : IDirectoryCommand;

    public sealed record GetSubscriber(string User) : IDirectoryCommand;

    public sealed record ListSubscribers : IDirectoryCommand;

    public sealed record UpsertHousehold(HouseholdSpec Household) : IDirectoryCommand;

    public sealed record DeleteHousehold(string Id) : IDirectoryCommand;

    public sealed record GetHousehold(string Id) : IDirectoryCommand;

    public sealed record ListHouseholds : IDirectoryCommand;

    public sealed record UpsertTrunk(TrunkSpec Trunk) : IDirectoryCommand;

    public sealed record DeleteTrunk(string Name) : IDirectoryCommand;

    public sealed record GetTrunk(string Name) : IDirectoryCommand;

    public sealed record ListTrunks : IDirectoryCommand;
}

/// <summary>Asks the local directory replica for its current <see cref="DirectorySnapshot"/> (answered from memory).</summary>
public sealed record GetDirectorySnapshot
{
    public static GetDirectorySnapshot Instance { get; } = new();
}
