using System.Net;

namespace CallCluster.Sip.Transactions;

/// <summary>
/// Where a transaction's messages go (client side: the next hop chosen by the TU; server side: the
/// source of the request, so responses can reuse the connection). Opaque to the transaction layer
/// except for <see cref="Reliable"/>.
/// </summary>
/// <param name="Transport">Transport name as in Via: UDP, TCP, TLS, SCTP, WS, WSS.</param>
/// <param name="RemoteEndPoint">The peer's address.</param>
/// <param name="ConnectionId">The transport's connection id for stream transports, 0 when none.</param>
public sealed record TransactionPeer(string Transport, EndPoint RemoteEndPoint, long ConnectionId = 0)
{
    /// <summary>True for every transport except UDP: no retransmissions, zero wait timers (17.1.1.2, 17.2.1).</summary>
    public bool Reliable => !string.Equals(Transport, "UDP", StringComparison.OrdinalIgnoreCase);
}
