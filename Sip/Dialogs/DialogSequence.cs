namespace CallCluster.Sip.Dialogs;

/// <summary>CSeq rules of a dialog (RFC 3261 12.2.1.1 and 12.2.2).</summary>
public static class DialogSequence
{
    /// <summary>Status for an in-dialog request whose CSeq is lower than the remote sequence number (12.2.2).</summary>
    public const int OutOfOrderStatus = 500;

    /// <summary>The largest CSeq number allowed (RFC 3261 8.1.1.5: below 2**31 when chosen, 32 bits on the wire).</summary>
    public const long MaxCSeq = uint.MaxValue;

    /// <summary>The dialog with its local CSeq incremented by one, for a new in-dialog request other than ACK and CANCEL.</summary>
    public static DialogState NextLocal(this DialogState dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        return dialog with { LocalCSeq = Math.Min(dialog.LocalCSeq + 1, MaxCSeq) };
    }

    /// <summary>
    /// UAS check of an in-dialog request's CSeq number (12.2.2): lower than the remote sequence
    /// number is out of order (answer <see cref="OutOfOrderStatus"/>); otherwise the request is
    /// accepted and the remote sequence number becomes the larger of the two. ACK and CANCEL
    /// carry the INVITE's number and never move it.
    /// </summary>
    public static bool TryAcceptRemote(this DialogState dialog, long cseq, out DialogState updated)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        updated = dialog;
        if (cseq < 0 || cseq > MaxCSeq || (dialog.RemoteCSeq is { } remote && cseq < remote))
        {
            return false;
        }

        if (dialog.RemoteCSeq is not { } current || cseq > current)
        {
            updated = dialog with { RemoteCSeq = cseq };
        }

        return true;
    }
}
