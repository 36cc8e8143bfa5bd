using CallCluster.Actors.Serialization;

namespace CallCluster.Actors.Calls;

/// <summary>
/// Messages of the mobile-calls index: one entity per mobile (entity id = the mobile's user name,
/// its AOR key), listing the mobile's live sessions and their targets, so that any gateway node
/// can decide whether a new INVITE from that mobile joins a session it already has.
/// </summary>
public static class MobileCallsCommands
{
    /// <summary>Every message to a mobile's entity.</summary>
    public interface IMobileCallsCommand : ICallClusterMessage
    {
        string Mobile { get; }
    }

    /// <summary>
    /// A new INVITE from <paramref name="Mobile"/> to <paramref name="Target"/>: join a live session
    /// (explicit <paramref name="Token"/> equal to a live call's token, or the implicit rule), or
    /// record <paramref name="NewSessionId"/> as a new session. Replied with <see cref="MobileCallsReplies.JoinDecision"/>.
    /// </summary>
    public sealed record PlaceCall(
        string Mobile,
        string NewSessionId,
        string LegId,
        string Target,
        bool TargetIsLocalTerminal,
        string? Token) : IMobileCallsCommand;

    /// <summary>The mobile's call <paramref name="LegId"/> in <paramref name="SessionId"/> is over.</summary>
    public sealed record CallEnded(string Mobile, string SessionId, string LegId) : IMobileCallsCommand;

    /// <summary>Replies <see cref="MobileCallsReplies.LiveCalls"/>.</summary>
    public sealed record GetCalls(string Mobile) : IMobileCallsCommand;
}

/// <summary>Replies of the mobile-calls index.</summary>
public static class MobileCallsReplies
{
    /// <summary>The session the call belongs to; <paramref name="Joined"/> is true when it is an existing one.</summary>
    public sealed record JoinDecision(string Mobile, string SessionId, bool Joined) : ICallClusterMessage;

    /// <summary>The mobile's live calls.</summary>
    public sealed record LiveCalls(string Mobile, IReadOnlyList<MobileCall> Calls) : ICallClusterMessage;
}

/// <summary>One live call of a mobile: its session, its inbound leg, its target and the correlation token it carried.</summary>
public sealed record MobileCall(
    string SessionId,
    string LegId,
    string Target,
    bool TargetIsLocalTerminal,
    string? Token,
    DateTimeOffset Since) : ICallClusterMessage;
