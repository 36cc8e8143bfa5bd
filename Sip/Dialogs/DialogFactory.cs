using CallCluster.Sip.Message;

namespace CallCluster.Sip.Dialogs;

/// <summary>Creates dialog state from the messages that establish a dialog (RFC 3261 12.1).</summary>
public static class DialogFactory
{
    /// <summary>
    /// UAC side (12.1.2): from the INVITE we sent and a 2xx, or a 1xx with a To tag (early dialog).
    /// Route set = Record-Route of the response in reverse order; remote target = its Contact;
    /// local CSeq = the INVITE's; remote CSeq empty; secure when the Request-URI is sips.
    /// </summary>
    public static bool TryCreateUac(SipRequest request, SipResponse response, out DialogState? dialog, out string error)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        dialog = null;
        if (response.StatusCode is < 101 or > 299)
        {
            error = "only 101-299 responses create dialogs";
            return false;
        }

        if (!TryCommon(request, out var callId, out var from, out var to, out var cseq, out error))
        {
            return false;
        }

        if (from.Tag is not { Length: > 0 } localTag || response.To?.Tag is not { Length: > 0 } remoteTag)
        {
            error = "a dialog needs a From tag and a To tag in the response";
            return false;
        }

        var early = response.StatusCode < 200;
        var target = ContactUri(response) ?? (early ? to.Uri.ToString() : null);
        if (target is null)
        {
            error = "the 2xx has no usable Contact";
            return false;
        }

        var routes = response.RecordRoute.Select(r => r.Uri.ToString()).Reverse().ToArray();
        dialog = new DialogState
        {
            CallId = callId,
            LocalTag = localTag,
            RemoteTag = remoteTag,
            LocalUri = from.Uri.ToString(),
            RemoteUri = to.Uri.ToString(),
            RemoteTarget = target,
            LocalContact = ContactUri(request) ?? from.Uri.ToString(),
            RouteSet = routes,
            LocalCSeq = cseq,
            RemoteCSeq = null,
            Secure = request.RequestUri?.IsSecure == true,
            Early = early,
            IsUac = true,
        };
        return true;
    }

    /// <summary>
    /// UAS side (12.1.1): from the received request and the tag we put in our 1xx/2xx. Route set =
    /// Record-Route of the request in order; remote target = its Contact; remote CSeq = its CSeq;
    /// local CSeq empty (0, so our first request uses 1).
    /// </summary>
    public static bool TryCreateUas(SipRequest request, string localTag, string localContact, bool early, out DialogState? dialog, out string error)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(localTag);
        ArgumentException.ThrowIfNullOrEmpty(localContact);
        dialog = null;
        if (!TryCommon(request, out var callId, out var from, out var to, out var cseq, out error))
        {
            return false;
        }

        if (ContactUri(request) is not { } target)
        {
            error = "the request has no usable Contact";
            return false;
        }

        dialog = new DialogState
        {
            CallId = callId,
            LocalTag = localTag,
            RemoteTag = from.Tag ?? string.Empty,
            LocalUri = to.Uri.ToString(),
            RemoteUri = from.Uri.ToString(),
            RemoteTarget = target,
            LocalContact = localContact,
            RouteSet = request.RecordRoute.Select(r => r.Uri.ToString()).ToArray(),
            LocalCSeq = 0,
            RemoteCSeq = cseq,
            Secure = request.RequestUri?.IsSecure == true,
            Early = early,
            IsUac = false,
        };
        return true;
    }

    /// <summary>The URI of the single Contact of <paramref name="message"/>, or null.</summary>
    internal static string? ContactUri(SipMessage message) =>
        message.Contact is [{ Uri: { } uri }] ? uri.ToString() : null;

    private static bool TryCommon(SipRequest request, out string callId, out NameAddress from, out NameAddress to, out long cseq, out string error)
    {
        callId = request.CallId ?? string.Empty;
        from = request.From!;
        to = request.To!;
        cseq = request.CSeq?.Number ?? -1;
        error = callId.Length == 0 || from is null || to is null || cseq < 0
            ? "the request lacks Call-ID, From, To or CSeq"
            : string.Empty;
        return error.Length == 0;
    }
}
