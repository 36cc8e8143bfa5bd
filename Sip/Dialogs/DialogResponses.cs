using CallCluster.Sip.Message;

namespace CallCluster.Sip.Dialogs;

/// <summary>Responses sent by the UAS side of a dialog (RFC 3261 12.1.1, 13.3.1.4).</summary>
public static class DialogResponses
{
    /// <summary>
    /// A response to <paramref name="request"/> within (or creating) <paramref name="dialog"/>: the
    /// message layer's response (Via, From, Call-ID, CSeq, Record-Route for 101-299) with our tag
    /// added to To, and our Contact for 101-299 responses to target refresh requests (INVITE,
    /// UPDATE). Bodies are added by the caller with <see cref="SipResponse.WithBody"/>.
    /// </summary>
    public static SipResponse CreateResponse(this DialogState dialog, SipRequest request, int status, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentNullException.ThrowIfNull(request);
        var response = SipMessageFactory.CreateResponse(request, status, reason, status > 100 ? dialog.LocalTag : null);
        return status is > 100 and < 300 && DialogUpdates.IsTargetRefresh(request.Method)
            ? response.AddHeader("Contact", "<" + dialog.LocalContact + ">")
            : response;
    }
}
