using CallCluster.Actors.Serialization;
using CallCluster.Sip.Dialogs;

namespace CallCluster.Actors.Sessions;

/// <summary>A persisted fact about a session.</summary>
public interface ISessionEvent : ICallClusterMessage
{
    SessionId SessionId { get; }
}

/// <summary>
/// The persisted events: what recovery needs and nothing more (one provisional per leg at most,
/// no ACKs, no refreshes). Shapes never change: add optional members only.
/// </summary>
public static class SessionEvents
{
    public sealed record SessionCreated(SessionId SessionId, SessionKind Kind, Party Originator, bool AnchorMedia, DateTimeOffset At) : ISessionEvent;

    public sealed record LegAdded(
        SessionId SessionId,
        LegId LegId,
        LegDirection Direction,
        LegRole Role,
        Party Peer,
        LegId? Partner,
        DialogState? Dialog,
        string? RemoteSdp,
        DateTimeOffset At) : ISessionEvent;

    /// <summary>Our INVITE went out on an outbound leg with this Call-ID, From tag and offer.</summary>
    public sealed record LegInvited(SessionId SessionId, LegId LegId, string CallId, string LocalTag, string? LocalSdp, DateTimeOffset At) : ISessionEvent;

    /// <summary>
    /// The first provisional of a leg (received on outbound, relayed on inbound). Applied, not
    /// persisted: a session recovered during ringing treats the leg as still inviting.
    /// </summary>
    public sealed record LegProvisional(SessionId SessionId, LegId LegId, int Status, DateTimeOffset At) : ISessionEvent;

    /// <summary>A leg is connected: 2xx received (outbound) or sent (inbound).</summary>
    public sealed record LegAnswered(SessionId SessionId, LegId LegId, DialogState Dialog, string? RemoteSdp, string? LocalSdp, DateTimeOffset At) : ISessionEvent;

    /// <summary>The terminal offered new SDP in the dialog (re-INVITE or UPDATE).</summary>
    public sealed record LegSdpChanged(SessionId SessionId, LegId LegId, string RemoteSdp, long RemoteCSeq, DateTimeOffset At) : ISessionEvent;

    public sealed record LegEnded(SessionId SessionId, LegId LegId, LegEndCause Cause, int? Status, DateTimeOffset At) : ISessionEvent;

    public sealed record SessionPhaseChanged(SessionId SessionId, SessionPhase Phase, DateTimeOffset At) : ISessionEvent;

    /// <summary>The leg's media endpoint (first, or a replacement after a loss: then a re-INVITE went out).</summary>
    public sealed record MediaAnchored(SessionId SessionId, LegId LegId, string MediaNode, string EndpointId, string LocalSdp, DateTimeOffset At) : ISessionEvent;

    /// <summary>The leg's endpoint was lost; a new one is being allocated.</summary>
    public sealed record MediaDetached(SessionId SessionId, LegId LegId, string Reason, DateTimeOffset At) : ISessionEvent;

    /// <summary>The session's endpoints were joined anew (mix, or bridge after a leg transfer); empty list: nothing joined.</summary>
    public sealed record MediaTopologyChanged(SessionId SessionId, MediaTopologyKind Kind, IReadOnlyList<string> EndpointIds, DateTimeOffset At) : ISessionEvent;

    /// <summary>Every leg is over; the CDR is due.</summary>
    public sealed record SessionEnded(SessionId SessionId, SessionEndReason Reason, int? Status, DateTimeOffset At) : ISessionEvent;

    /// <summary>
    /// The CDR writer confirmed the record: nothing is left to do. Applied, not persisted: the CDR
    /// table is keyed by session id, so a recovered session re-sends it harmlessly.
    /// </summary>
    public sealed record CdrConfirmed(SessionId SessionId, DateTimeOffset At) : ISessionEvent;

    /// <summary>
    /// The durable events of one decision, persisted as one journal row (see <see cref="SessionDurability"/>).
    /// Never nested; recovery applies the events in order.
    /// </summary>
    public sealed record SessionStep(SessionId SessionId, IReadOnlyList<ISessionEvent> Events) : ISessionEvent;
}
