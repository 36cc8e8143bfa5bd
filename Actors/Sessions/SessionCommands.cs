using CallCluster.Actors.Serialization;
using CallCluster.Sip.Dialogs;

namespace CallCluster.Actors.Sessions;

/// <summary>Every message addressed to a session entity; <see cref="SessionId"/> routes it to its shard.</summary>
public interface ISessionCommand : ICallClusterMessage
{
    SessionId SessionId { get; }
}

/// <summary>What a session is told: by the gateway (SIP), by the HTTP API and by the media role.</summary>
public static class SessionCommands
{
    /// <summary>
    /// An initial INVITE arrived on a new inbound leg. Creates the session when it does not exist;
    /// on an existing home session, adds the mobile's other call (the gateway decided the join).
    /// <paramref name="TargetRole"/> is <see cref="LegRole.Callee"/> for plain calls, and
    /// <see cref="LegRole.LocalTerminal"/> (only when the target is bound to the authenticated
    /// caller) or <see cref="LegRole.Remote"/> for home calls. <paramref name="Dialog"/> is the
    /// UAS dialog the gateway built, with our To tag. <paramref name="NewSession"/>: the first copy
    /// sent for a session id just minted (the gateway's resent copies and joins carry false); the
    /// session then skips every journal read of its recovery (<see cref="SessionStart.New"/>).
    /// </summary>
    public sealed record InboundInvite(
        SessionId SessionId,
        LegId LegId,
        SessionKind Kind,
        Party Caller,
        Party Target,
        LegRole TargetRole,
        DialogState Dialog,
        string? Sdp,
        bool AnchorMedia = true,
        bool NewSession = false) : ISessionCommand;

    /// <summary>Click-to-call from HTTP: call the mobile, then its local terminal (auto-answer) and the remote.</summary>
    public sealed record StartClickToCall(
        SessionId SessionId,
        Party Mobile,
        Party LocalTerminal,
        Party Remote,
        bool AnchorMedia = true) : ISessionCommand;

    /// <summary>A 1xx (101-199) to our INVITE on an outbound leg.</summary>
    public sealed record ProvisionalReceived(SessionId SessionId, LegId LegId, int Status, string? Sdp) : ISessionCommand;

    /// <summary>A 2xx to our INVITE on an outbound leg, with the dialog it created and the answer SDP.</summary>
    public sealed record AnswerReceived(SessionId SessionId, LegId LegId, DialogState Dialog, string? Sdp) : ISessionCommand;

    /// <summary>A final 3xx-6xx to our INVITE on an outbound leg (the gateway reports 408 on timeout, 480 when not registered).</summary>
    public sealed record FailureReceived(SessionId SessionId, LegId LegId, int Status, string? Reason) : ISessionCommand;

    /// <summary>BYE received on a leg.</summary>
    public sealed record ByeReceived(SessionId SessionId, LegId LegId) : ISessionCommand;

    /// <summary>CANCEL received for an inbound leg's INVITE.</summary>
    public sealed record CancelReceived(SessionId SessionId, LegId LegId) : ISessionCommand;

    /// <summary>A re-INVITE (or UPDATE when <paramref name="IsUpdate"/>) on a confirmed leg; also a session refresh.</summary>
    public sealed record ReInviteReceived(SessionId SessionId, LegId LegId, string? Sdp, long CSeq, bool IsUpdate = false) : ISessionCommand;

    /// <summary>ACK for our 2xx on an inbound leg.</summary>
    public sealed record AckReceived(SessionId SessionId, LegId LegId) : ISessionCommand;

    /// <summary>The leg's session was refreshed (RFC 4028): its timer restarts.</summary>
    public sealed record SessionTimerRefreshed(SessionId SessionId, LegId LegId) : ISessionCommand;

    /// <summary>No refresh within the session interval (RFC 4028): the leg is treated as gone.</summary>
    public sealed record SessionTimerExpired(SessionId SessionId, LegId LegId) : ISessionCommand;

    /// <summary>The media role allocated the leg's endpoint; <paramref name="LocalSdp"/> describes it.</summary>
    public sealed record MediaEndpointReady(SessionId SessionId, LegId LegId, string MediaNode, string EndpointId, string LocalSdp) : ISessionCommand;

    /// <summary>The media role could not allocate the leg's endpoint.</summary>
    public sealed record MediaAllocationFailed(SessionId SessionId, LegId LegId, string Reason) : ISessionCommand;

    /// <summary>An endpoint stopped carrying media (its node or its process lost it).</summary>
    public sealed record MediaEndpointDead(SessionId SessionId, string EndpointId) : ISessionCommand;

    /// <summary>A media node left the cluster or became unreachable: re-anchor every leg it held.</summary>
    public sealed record MediaNodeLost(SessionId SessionId, string MediaNode) : ISessionCommand;

    /// <summary>
    /// The session was recovered: legs that must be anchored but hold no endpoint (an allocation
    /// whose reply went to the previous incarnation, or a snapshot taken while a leg was being
    /// re-anchored) are allocated again.
    /// </summary>
    public sealed record ResumeMedia(SessionId SessionId) : ISessionCommand;

    /// <summary>
    /// An established leg has waited a while for the endpoint its re-anchoring asked for: the
    /// allocation (or its reply) was lost, as when the media node the router picked died with it
    /// in flight. Each such leg is allocated again.
    /// </summary>
    public sealed record RetryMedia(SessionId SessionId) : ISessionCommand;

    /// <summary>The CDR writer confirmed the session's record.</summary>
    public sealed record ConfirmCdr(SessionId SessionId) : ISessionCommand;
}
