using System.Text.Json.Serialization;
using CallCluster.Actors.Serialization;

namespace CallCluster.Actors.Directory;

/// <summary>Replies to <see cref="DirectoryCommands"/>; HTTP maps them to 200/201, 404, 409 and 400.</summary>
public static class DirectoryReplies
{
    [JsonPolymorphic(TypeDiscriminatorPropertyName = "$m")]
    [JsonDerivedType(typeof(Ok), "dr1")]
    [JsonDerivedType(typeof(NotFound), "dr2")]
    [JsonDerivedType(typeof(Conflict), "dr3")]
    [JsonDerivedType(typeof(Invalid), "dr4")]
    [JsonDerivedType(typeof(Unavailable), "dr5")]
    [JsonDerivedType(typeof(SubscriberFound), "dr6")]
    [JsonDerivedType(typeof(SubscriberList), "dr7")]
    [JsonDerivedType(typeof(HouseholdFound), "dr8")]
    [JsonDerivedType(typeof(HouseholdList), "dr9")]
    [JsonDerivedType(typeof(TrunkFound), "dr10")]
    [JsonDerivedType(typeof(TrunkList), "dr11")]
    public interface IDirectoryReply : ICallClusterMessage;

    /// <summary>The change is persisted. <paramref name="Created"/>: nothing existed under that key before.</summary>
    public sealed record Ok(string Key, bool Created) : IDirectoryReply;

    public sealed record NotFound(string Key) : IDirectoryReply;

    /// <summary>Valid on its own but clashes with what is stored (HTTP 409).</summary>
    public sealed record Conflict(string Message) : IDirectoryReply;

    /// <summary>Malformed input (HTTP 400).</summary>
    public sealed record Invalid(string Message) : IDirectoryReply;

    /// <summary>The directory cannot persist right now (HTTP 503).</summary>
    public sealed record Unavailable(string Message) : IDirectoryReply;

    public sealed record SubscriberFound(Subscriber Subscriber) : IDirectoryReply;

    public sealed record SubscriberList(IReadOnlyList<Subscriber> Subscribers) : IDirectoryReply;

    public sealed record HouseholdFound(HouseholdSpec Household) : IDirectoryReply;

    public sealed record HouseholdList(IReadOnlyList<HouseholdSpec> Households) : IDirectoryReply;

    public sealed record TrunkFound(TrunkSpec Trunk) : IDirectoryReply;

    public sealed record TrunkList(IReadOnlyList<TrunkSpec> Trunks) : IDirectoryReply;
}
