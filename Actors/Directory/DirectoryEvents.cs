using System.Text.Json.Serialization;
using CallCluster.Actors.Serialization;

namespace CallCluster.Actors.Directory;

/// <summary>Persisted facts of the directory (persistence id <c>directory</c>).</summary>
public static class DirectoryEvents
{
    [JsonPolymorphic(TypeDiscriminatorPropertyName = "$m")]
    [JsonDerivedType(typeof(SubscriberUpserted), "de1")]
    [JsonDerivedType(typeof(SubscriberDeleted), "de2")]
    [JsonDerivedType(typeof(HouseholdUpserted), "de3")]
    [JsonDerivedType(typeof(HouseholdDeleted), "de4")]
    [JsonDerivedType(typeof(TrunkUpserted), "de5")]
    [JsonDerivedType(typeof(TrunkDeleted), "de6")]
    public interface IDirectoryEvent : ICallClusterMessage;

    public sealed record SubscriberUpserted(Subscriber Subscriber) : IDirectoryEvent;

    public sealed record SubscriberDeleted(string User) : IDirectoryEvent;

    public sealed record HouseholdUpserted(HouseholdSpec Household) : IDirectoryEvent;

    public sealed record HouseholdDeleted(string Id) : IDirectoryEvent;

    public sealed record TrunkUpserted(TrunkSpec Trunk) : IDirectoryEvent;

    public sealed record TrunkDeleted(string Name) : IDirectoryEvent;
}
