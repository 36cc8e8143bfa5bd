using CallCluster.Sip.Message;
using CallCluster.Sip.Message.Headers;

namespace CallCluster.Sip.Dialogs;

/// <summary>
/// Builds requests inside a dialog (RFC 3261 12.2.1.1): Request-URI and Route from the remote
/// target and route set (loose or strict routing), From with the local tag, To with the remote
/// tag, the dialog's Call-ID, the next local CSeq, Max-Forwards and the caller's Via (with a
/// new branch). Also the ACK for a 2xx (13.2.2.4) and the CANCEL for a pending INVITE (9.1).
/// The same state always gives the same bytes, so any node holding the state builds the same
/// request.
/// </summary>
public static class DialogRequests
{
    private static readonly HashSet<string> WithContact = new(StringComparer.Ordinal) { "INVITE", "UPDATE", "SUBSCRIBE", "NOTIFY", "REFER" };

    /// <summary>
    /// A new in-dialog request (BYE, re-INVITE, UPDATE, INFO, ...). The local CSeq is incremented;
    /// <paramref name="via"/> is our Via with a fresh branch. Fails for ACK and CANCEL (see
    /// <see cref="TryCreateAck"/> and <see cref="CreateCancel"/>) and for state that does not hold
    /// valid URIs.
    /// </summary>
    public static bool TryCreate(this DialogState dialog, string method, SipVia via, out DialogRequest? result, out string error, int maxForwards = 70)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(via);
        result = null;
        if (method is "ACK" or "CANCEL")
        {
            error = method + " is not built with a new CSeq";
            return false;
        }

        var next = dialog.NextLocal();
        if (next.LocalCSeq > int.MaxValue)
        {
            error = "the local CSeq is exhausted";
            return false;
        }

        if (!TryBuild(next, method, via, (int)next.LocalCSeq, maxForwards, out var request, out error))
        {
            return false;
        }

        result = new DialogRequest(request!, next);
        return true;
    }

    /// <summary>
    /// The ACK for a 2xx to an INVITE (13.2.2.4): built like an in-dialog request but with the
    /// INVITE's CSeq number (method ACK); <paramref name="via"/> carries a new branch. The dialog's
    /// CSeq does not change.
    /// </summary>
    public static bool TryCreateAck(this DialogState dialog, int inviteCSeq, SipVia via, out SipRequest? ack, out string error, int maxForwards = 70) =>
        TryBuild(dialog, "ACK", via, inviteCSeq, maxForwards, out ack, out error);

    /// <summary>
    /// The CANCEL for a pending INVITE (9.1): same Request-URI, top Via (so the same branch),
    /// Call-ID, From, To and Route as the INVITE, CSeq number of the INVITE with method CANCEL.
    /// </summary>
    public static SipRequest CreateCancel(SipRequest pendingInvite)
    {
        ArgumentNullException.ThrowIfNull(pendingInvite);
        return SipMessageFactory.CreateCancel(pendingInvite);
    }

    private static bool TryBuild(DialogState dialog, string method, SipVia via, int cseq, int maxForwards, out SipRequest? request, out string error)
    {
        request = null;
        var target = DialogTarget.For(dialog);
        if (!SipUri.TryParse(target.RequestUri, out var requestUri)
            || !SipUri.TryParse(dialog.LocalUri, out var localUri)
            || !SipUri.TryParse(dialog.RemoteUri, out var remoteUri)
            || !SipUri.TryParse(dialog.LocalContact, out var contact))
        {
            error = "the dialog state holds an invalid URI";
            return false;
        }

        var from = new NameAddress(localUri).WithTag(dialog.LocalTag);
        var to = new NameAddress(remoteUri);
        if (dialog.RemoteTag.Length > 0)
        {
            to = to.WithTag(dialog.RemoteTag);
        }

        var builder = new SipRequestBuilder(method, requestUri).Via(via).MaxForwards(maxForwards);
        foreach (var route in target.Route)
        {
            if (!NameAddress.TryParse(route, out var routeAddress))
            {
                error = "the dialog state holds an invalid route";
                return false;
            }

            builder.Route(routeAddress);
        }

        builder.From(from).To(to).CallId(dialog.CallId).CSeq(cseq);
        if (WithContact.Contains(method))
        {
            builder.Contact(new NameAddress(contact));
        }

        try
        {
            request = builder.Build();
        }
        catch (ArgumentException e)
        {
            error = "the request cannot be built: " + e.Message;
            return false;
        }

        error = string.Empty;
        return true;
    }
}
