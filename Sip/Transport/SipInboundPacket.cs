using System.Net;

namespace CallCluster.Sip.Transport;

/// <summary>
/// One inbound SIP message as received: a whole datagram (UDP) or one framed message (TCP).
/// The bytes are owned by the record. <see cref="ConnectionId"/> is 0 for UDP.
/// </summary>
public sealed record SipInboundPacket(
    ReadOnlyMemory<byte> Data,
    SipTransportKind Transport,
    IPEndPoint Remote,
    IPEndPoint Local,
    long ConnectionId);
