using System.Text.Json.Serialization;

namespace CallCluster.Sip.Dialogs;

/// <summary>
/// The state of one dialog (RFC 3261 section 12), as plain data: strings, numbers, booleans and a
/// list of strings, so that it can be persisted, sent to another node and used there to send BYE
/// or re-INVITE. Values are immutable; every change returns a new state.
/// </summary>
public sealed record DialogState
{
    /// <summary>Call-ID of the dialog.</summary>
    public required string CallId { get; init; }

    /// <summary>Our tag (From tag on requests we send).</summary>
    public required string LocalTag { get; init; }

    /// <summary>The peer's tag (To tag on requests we send); empty when an RFC 2543 peer sent none.</summary>
    public required string RemoteTag { get; init; }

    /// <summary>Our URI (From of requests we send).</summary>
    public required string LocalUri { get; init; }

    /// <summary>The peer's URI (To of requests we send).</summary>
    public required string RemoteUri { get; init; }

    /// <summary>The peer's Contact URI: where in-dialog requests go (12.1).</summary>
    public required string RemoteTarget { get; init; }

    /// <summary>Our Contact URI, put in target refresh requests and responses.</summary>
    public required string LocalContact { get; init; }

    /// <summary>Route set, in the order requests must visit it: URIs as they appeared in Record-Route (name-addr form <c>&lt;uri&gt;</c> is accepted too).</summary>
    public IReadOnlyList<string> RouteSet { get; init; } = [];

    /// <summary>Last CSeq number we used (12.1.1, 12.1.2).</summary>
    public long LocalCSeq { get; init; }

    /// <summary>Last CSeq number received from the peer; null when none yet (UAC-created dialogs).</summary>
    public long? RemoteCSeq { get; init; }

    /// <summary>True when the dialog was set up over sips (12.1.1).</summary>
    public bool Secure { get; init; }

    /// <summary>True for an early dialog (from a 1xx with a To tag), false once confirmed.</summary>
    public bool Early { get; init; }

    /// <summary>True when we created the dialog as the UAC (sent the INVITE).</summary>
    public bool IsUac { get; init; }

    /// <summary>The dialog id as in 12: Call-ID, local tag, remote tag (derived, not serialised).</summary>
    [JsonIgnore]
    public DialogId Id => new(CallId, LocalTag, RemoteTag);

    /// <inheritdoc />
    public bool Equals(DialogState? other) =>
        other is not null
        && CallId == other.CallId && LocalTag == other.LocalTag && RemoteTag == other.RemoteTag
        && LocalUri == other.LocalUri && RemoteUri == other.RemoteUri
        && RemoteTarget == other.RemoteTarget && LocalContact == other.LocalContact
        && RouteSet.SequenceEqual(other.RouteSet, StringComparer.Ordinal)
        && LocalCSeq == other.LocalCSeq && RemoteCSeq == other.RemoteCSeq
        && Secure == other.Secure && Early == other.Early && IsUac == other.IsUac;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(CallId, LocalTag, RemoteTag, LocalCSeq, RemoteCSeq, Early);
}
