using CallCluster.Actors.Serialization;

namespace CallCluster.Actors.Sessions;

/// <summary>The reply to a session command, sent once its events are persisted.</summary>
public interface ISessionReply : ICallClusterMessage
{
    SessionId SessionId { get; }
}

public static class SessionReplies
{
    /// <summary>Taken (for BYE, CANCEL and ACK: answer 200 to the request).</summary>
    public sealed record Accepted(SessionId SessionId) : ISessionReply;

    /// <summary>Refused: answer the request with <paramref name="Status"/> (for example 481, 486, 403).</summary>
    public sealed record Rejected(SessionId SessionId, int Status, string Reason) : ISessionReply;

    /// <summary>Answer to an in-dialog offer (re-INVITE/UPDATE): status and our SDP.</summary>
    public sealed record InDialogAnswer(SessionId SessionId, LegId LegId, int Status, string? Sdp) : ISessionReply;

    /// <summary>The session cannot take work now (journal failing): answer 503 with Retry-After.</summary>
    public sealed record Unavailable(SessionId SessionId, int Status, int RetryAfterSeconds, string Reason) : ISessionReply;
}
