using CallCluster.Sip.Message;

namespace CallCluster.Sip.Dialogs;

/// <summary>An in-dialog request and the dialog state after sending it (local CSeq moved on).</summary>
/// <param name="Request">The request to send through a client transaction.</param>
/// <param name="Dialog">The dialog with the CSeq used by <paramref name="Request"/>.</param>
public sealed record DialogRequest(SipRequest Request, DialogState Dialog);
