using CallCluster.Sip.Message;

namespace CallCluster.Sip.Dialogs;

/// <summary>State changes of an existing dialog (RFC 3261 12.2, 13.2.2.4).</summary>
public static class DialogUpdates
{
    private static readonly HashSet<string> TargetRefreshMethods = new(StringComparer.Ordinal) { "INVITE", "UPDATE" };

    /// <summary>True for methods that refresh the remote target (re-INVITE, UPDATE).</summary>
    public static bool IsTargetRefresh(string method) => TargetRefreshMethods.Contains(method);

    /// <summary>
    /// UAC: an early dialog confirmed by the 2xx to the INVITE (13.2.2.4): no longer early, route
    /// set recomputed from the 2xx's Record-Route (reversed), remote target from its Contact.
    /// Returns the dialog unchanged for other responses.
    /// </summary>
    public static DialogState ConfirmWith(this DialogState dialog, SipResponse success)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentNullException.ThrowIfNull(success);
        if (success.StatusCode is < 200 or > 299)
        {
            return dialog;
        }

        return dialog with
        {
            Early = false,
            RouteSet = dialog.IsUac ? success.RecordRoute.Select(r => r.Uri.ToString()).Reverse().ToArray() : dialog.RouteSet,
            RemoteTarget = DialogFactory.ContactUri(success) ?? dialog.RemoteTarget,
        };
    }

    /// <summary>UAS: the dialog after we sent a 2xx (early -> confirmed).</summary>
    public static DialogState Confirm(this DialogState dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        return dialog with { Early = false };
    }

    /// <summary>
    /// Applies a target refresh (12.2): a re-INVITE or UPDATE received, or a 2xx to one we sent,
    /// replaces the remote target with its Contact URI. Other messages leave the dialog unchanged.
    /// </summary>
    public static DialogState WithTargetRefresh(this DialogState dialog, SipMessage message)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentNullException.ThrowIfNull(message);
        var refresh = message switch
        {
            SipRequest r => IsTargetRefresh(r.Method),
            SipResponse r => r.StatusCode is >= 200 and <= 299 && r.CSeq is { } c && IsTargetRefresh(c.Method),
            _ => false,
        };
        return refresh && DialogFactory.ContactUri(message) is { } target ? dialog with { RemoteTarget = target } : dialog;
    }

    /// <summary>
    /// UAS check of an in-dialog request (12.2.2): 481 when it does not belong to this dialog, 400
    /// without CSeq, 500 when its CSeq is lower than the remote sequence number; otherwise the
    /// remote CSeq is updated and target refresh requests update the remote target. ACK and
    /// CANCEL are accepted without changes. Returns 0 when accepted, else the status to answer.
    /// </summary>
    public static int Accept(this DialogState dialog, SipRequest request, out DialogState updated)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentNullException.ThrowIfNull(request);
        updated = dialog;
        if (DialogId.OfReceivedRequest(request) != dialog.Id)
        {
            return 481;
        }

        if (request.CSeq is not { } cseq)
        {
            return 400;
        }

        if (request.Method is "ACK" or "CANCEL")
        {
            return 0;
        }

        if (!dialog.TryAcceptRemote(cseq.Number, out var next))
        {
            return DialogSequence.OutOfOrderStatus;
        }

        updated = next.WithTargetRefresh(request);
        return 0;
    }
}
