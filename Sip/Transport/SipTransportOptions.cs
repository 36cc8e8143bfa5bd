namespace CallCluster.Sip.Transport;

/// <summary>Limits and timeouts of the UDP and TCP transports.</summary>
public sealed record SipTransportOptions
{
    /// <summary>Per-message limits (header section and whole message).</summary>
    public SipFramerLimits Limits { get; init; } = SipFramerLimits.Default;

    /// <summary>Most TCP connections (accepted and opened) per listener; further accepts are closed at once.</summary>
    public int MaxConnections { get; init; } = 1024;

    /// <summary>Most bytes held for one connection while waiting for the rest of a message.</summary>
    public int MaxBufferedBytesPerConnection { get; init; } = 128 * 1024;

    /// <summary>A connection with no traffic either way for this long is closed.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Longest wait for an outbound TCP connect.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Receive buffer asked for each UDP socket (SO_RCVBUF; Linux grants at most
    /// <c>net.core.rmem_max</c>). A burst that arrives while the node is busy waits there instead of
    /// being dropped by the kernel: at 500 calls/s a node receives about 7,000 datagrams per
    /// second, which overflow the 208 KiB default within a stall of a few tens of milliseconds.
    /// </summary>
    public int UdpReceiveBufferBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Capacity of the inbound channel; receive loops wait when it is full.</summary>
    public int InboundCapacity { get; init; } = 8192;

    /// <summary>Messages queued for sending on one connection before sends are refused.</summary>
    public int OutboundQueuePerConnection { get; init; } = 256;

    /// <summary>Certificate and peer checks for TLS listeners; required when a TLS endpoint is configured.</summary>
    public SipTlsSettings? Tls { get; init; }

    /// <summary>
    /// Sets SO_REUSEPORT on UDP and TCP listening sockets (Linux only), so several nodes can bind
    /// the same SIP port and the kernel hands a dead node's traffic to the others.
    /// </summary>
    public bool ReusePort { get; init; }
}

/// <summary>Outcome of a send.</summary>
public enum SipSendResult
{
    /// <summary>Handed to the socket (UDP) or queued on the connection (TCP).</summary>
    Sent,

    /// <summary>The connection named by id is gone.</summary>
    NoConnection,

    /// <summary>An outbound TCP connect failed or timed out.</summary>
    ConnectFailed,

    /// <summary>The connection's send queue is full.</summary>
    QueueFull,

    /// <summary>The message is larger than the transport allows.</summary>
    TooLarge,

    /// <summary>No listener of that transport and address family, or the transport is stopped.</summary>
    NoTransport,

    /// <summary>The socket refused the datagram.</summary>
    Failed,
}
