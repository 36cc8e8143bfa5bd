using CallCluster.Sip.Message;

namespace CallCluster.Sip.Transactions;

/// <summary>The transport below and the TU above a <see cref="TransactionLayer"/>, both called on the layer's loop.</summary>
public interface ITransactionLayerSink
{
    /// <summary>
    /// Sends a message to <paramref name="peer"/> (requests to the peer, responses per Via and the
    /// connection). Must not call back into the layer: report a failure later, on the layer's loop,
    /// with <see cref="TransactionLayer.ReportTransportError"/>.
    /// </summary>
    void Send(SipMessage message, TransactionPeer peer);

    /// <summary>Delivers a notice to the TU. The TU may call back into the layer from here.</summary>
    void Deliver(TransactionNotice notice);
}
