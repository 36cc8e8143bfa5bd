using CallCluster.Sip.Message;

namespace CallCluster.Sip.Dialogs;

/// <summary>Dialog identifier (RFC 3261 12): Call-ID, local tag and remote tag.</summary>
/// <param name="CallId">Call-ID.</param>
/// <param name="LocalTag">Our tag.</param>
/// <param name="RemoteTag">The peer's tag (empty when none).</param>
public sealed record DialogId(string CallId, string LocalTag, string RemoteTag)
{
    /// <summary>The id of the dialog a received request belongs to, seen by the UAS (local = To tag, remote = From tag); null without Call-ID or To tag.</summary>
    public static DialogId? OfReceivedRequest(SipRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.CallId is { Length: > 0 } callId && request.To?.Tag is { Length: > 0 } local
            ? new DialogId(callId, local, request.From?.Tag ?? string.Empty)
            : null;
    }

    /// <summary>The id of the dialog a received response belongs to, seen by the UAC (local = From tag, remote = To tag); null without Call-ID or tags.</summary>
    public static DialogId? OfReceivedResponse(SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.CallId is { Length: > 0 } callId && response.From?.Tag is { Length: > 0 } local && response.To?.Tag is { Length: > 0 } remote
            ? new DialogId(callId, local, remote)
            : null;
    }
}
