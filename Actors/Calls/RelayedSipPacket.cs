using CallCluster.Actors.Serialization;

namespace CallCluster.Actors.Calls;

/// <summary>
/// A SIP response a gateway node received for a transaction it does not hold: several gateway
/// nodes share one SIP address (SO_REUSEPORT), so the kernel may hand a peer's answer to any of
/// them. It is relayed to the other gateway nodes' outboxes; the node holding the transaction
/// handles it as if received itself, the others drop it.
/// </summary>
/// <param name="Data">The datagram, base64.</param>
/// <param name="Transport">The transport it came on ("udp", "tcp").</param>
/// <param name="Remote">The sender, "address:port".</param>
/// <param name="Local">The local address it reached, "address:port".</param>
public sealed record RelayedSipPacket(string Data, string Transport, string Remote, string Local) : ICallClusterMessage;
