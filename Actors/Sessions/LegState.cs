using System.Text.Json.Serialization;
using CallCluster.Sip.Dialogs;

namespace CallCluster.Actors.Sessions;

/// <summary>
/// One leg of a session as the session holds it: role, progress, the dialog (Call-ID, tags, CSeq,
/// target, route set) once it exists, the SDP on each side and the media endpoint anchoring it.
/// Everything recovery needs to send BYE, re-INVITE or answer an in-dialog request.
/// </summary>
public sealed record LegState(LegId Id, LegDirection Direction, LegRole Role, Party Peer, LegPhase Phase, DateTimeOffset AddedAt)
{
    /// <summary>For a pair (plain call, or one of the mobile's two calls): the other leg of the pair.</summary>
    public LegId? Partner { get; init; }

    /// <summary>Call-ID of an outbound leg's INVITE once sent (inbound: in <see cref="Dialog"/>).</summary>
    public string? CallId { get; init; }

    /// <summary>Our From tag of an outbound leg's INVITE once sent.</summary>
    public string? LocalTag { get; init; }

    /// <summary>The dialog: from the INVITE for inbound legs, from the 2xx for outbound legs.</summary>
    public DialogState? Dialog { get; init; }

    /// <summary>The terminal's latest SDP (offer or answer).</summary>
    public string? RemoteSdp { get; init; }

    /// <summary>The SDP the cluster sends this terminal (the media endpoint's, or the peer's when bypassed).</summary>
    public string? LocalSdp { get; init; }

    /// <summary>Increments with every new local SDP sent in this dialog (o= line version).</summary>
    public int LocalSdpVersion { get; init; }

    /// <summary>Media node holding the endpoint (its actor system address).</summary>
    public string? MediaNode { get; init; }

    /// <summary>The media endpoint anchoring the leg's streams.</summary>
    public string? EndpointId { get; init; }

    public DateTimeOffset? AnsweredAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public LegEndCause? EndCause { get; init; }

    /// <summary>SIP status that ended the leg (sent or received), when a final response did.</summary>
    public int? EndStatus { get; init; }

    /// <summary>False once the leg is over.</summary>
    [JsonIgnore]
    public bool IsLive => Phase != LegPhase.Ended;

    /// <summary>True while connected (2xx sent or received, not ended).</summary>
    [JsonIgnore]
    public bool IsConnected => Phase == LegPhase.Confirmed;

    /// <summary>True for an unanswered INVITE (either direction).</summary>
    [JsonIgnore]
    public bool IsUnanswered => Phase is LegPhase.Pending or LegPhase.Inviting or LegPhase.Early;
}
