using CallCluster.Actors.MediaProtocol;
using CallCluster.Actors.Serialization;
using CallCluster.Sip.Dialogs;

namespace CallCluster.Actors.Sessions;

/// <summary>Something the session actor does after its events are persisted.</summary>
public interface ISessionEffect : ICallClusterMessage
{
    SessionId SessionId { get; }
}

/// <summary>A SIP action for the gateway outbox.</summary>
public interface ISipEffect : ISessionEffect
{
    LegId LegId { get; }
}

/// <summary>A media action for the media manager.</summary>
public interface IMediaEffect : ISessionEffect;

/// <summary>The effects a session decides; the actor sends SIP ones to the gateway, media ones to the media manager.</summary>
public static class SessionEffects
{
    /// <summary>
    /// Send an initial INVITE on an outbound leg. Call-ID and From tag are chosen by the session so a
    /// recovered session can CANCEL it. <paramref name="Headers"/> carries trust-domain headers
    /// (P-Asserted-Identity, Answer-Mode, Call-Info, Alert-Info) only when the callee is a local
    /// terminal bound to the session's authenticated mobile.
    /// </summary>
    public sealed record SendInvite(
        SessionId SessionId,
        LegId LegId,
        string CallId,
        string LocalTag,
        Party From,
        Party To,
        string? Sdp,
        IReadOnlyList<SipHeader> Headers) : ISipEffect;

    /// <summary>Relay a provisional (180/183) on an inbound leg.</summary>
    public sealed record SendProvisional(SessionId SessionId, LegId LegId, int Status, string? Sdp) : ISipEffect;

    /// <summary>Answer an inbound leg's INVITE with 200 and <paramref name="Sdp"/>.</summary>
    public sealed record AnswerInvite(SessionId SessionId, LegId LegId, DialogState Dialog, string? Sdp) : ISipEffect;

    /// <summary>Answer an inbound leg's INVITE with a final error.</summary>
    public sealed record RejectInvite(SessionId SessionId, LegId LegId, int Status, string Reason) : ISipEffect;

    /// <summary>Send BYE in the leg's dialog (CSeq already advanced in <paramref name="Dialog"/>).</summary>
    public sealed record SendBye(SessionId SessionId, LegId LegId, DialogState Dialog, string Reason) : ISipEffect;

    /// <summary>CANCEL the leg's outstanding INVITE.</summary>
    public sealed record SendCancel(SessionId SessionId, LegId LegId, string CallId, string LocalTag, string Reason) : ISipEffect;

    /// <summary>re-INVITE the leg with new SDP (media moved to another endpoint).</summary>
    public sealed record SendReInvite(SessionId SessionId, LegId LegId, DialogState Dialog, string Sdp) : ISipEffect;

    /// <summary>Allocate an endpoint for a leg; legs of one participant (the mobile's two calls) share <paramref name="ParticipantId"/>.</summary>
    public sealed record AllocateMedia(SessionId SessionId, LegId LegId, string ParticipantId, string? RemoteSdp, string? AvoidNode) : IMediaEffect;

    /// <summary>Apply the terminal's SDP to the leg's endpoint.</summary>
    public sealed record ConfigureMedia(SessionId SessionId, LegId LegId, string EndpointId, string RemoteSdp) : IMediaEffect;

    /// <summary>Join endpoints in a mix (replaces any earlier mix or bridge of the session).</summary>
    public sealed record MixMedia(SessionId SessionId, IReadOnlyList<string> EndpointIds, IReadOnlyList<VideoRoute> VideoRoutes) : IMediaEffect;

    /// <summary>Leg transfer: turn the mix into a bridge of two endpoints, with no renegotiation.</summary>
    public sealed record TransferMediaToBridge(SessionId SessionId, string EndpointIdA, string EndpointIdB) : IMediaEffect;

    /// <summary>Release one endpoint.</summary>
    public sealed record ReleaseMedia(SessionId SessionId, string EndpointId) : IMediaEffect;

    /// <summary>Release everything the session holds on the media role.</summary>
    public sealed record ReleaseSessionMedia(SessionId SessionId) : IMediaEffect;

    /// <summary>Send the session's CDR (built from its state) until the writer confirms it.</summary>
    public sealed record WriteSessionCdr(SessionId SessionId) : ISessionEffect;
}
