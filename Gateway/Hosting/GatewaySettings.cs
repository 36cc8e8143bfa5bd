using CallCluster.Sip.Transport;

namespace CallCluster.Gateway.Hosting;

/// <summary>
/// Settings of the gateway role.
/// </summary>
/// <param name="Listen">Sockets to bind (Sip:Listen); port 0 picks a free port.</param>
/// <param name="Domain">The SIP domain (Sip:Domain); also the digest realm.</param>
/// <param name="AdvertisedHost">Host (IP or name) shared by every gateway node (Sip:AdvertisedAddress); null: the first bound socket.</param>
/// <param name="AdvertisedPort">Port of the advertised address; null: the first bound socket's port.</param>
/// <param name="AuthSecret">Nonce key shared by every gateway node (at least 16 bytes), so any node verifies any nonce.</param>
public sealed record GatewaySettings(
    IReadOnlyList<SipListenEndpoint> Listen,
    string Domain,
    string? AdvertisedHost = null,
    int? AdvertisedPort = null,
    string AuthSecret = "callcluster-gateway-nonce-secret")
{
    /// <summary>RFC 3261 T1 (default 500 ms).</summary>
    public TimeSpan T1 { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>RFC 3261 T2 (default 4 s).</summary>
    public TimeSpan T2 { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>RFC 3261 T4 (default 5 s).</summary>
    public TimeSpan T4 { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>RFC 4028 session interval put in Session-Expires; keep equal to the session entity's SessionSettings.SessionInterval.</summary>
    public int SessionExpiresSeconds { get; init; } = 1800;

    /// <summary>RFC 4028 Min-SE we accept.</summary>
    public int MinSessionExpiresSeconds { get; init; } = 90;

    /// <summary>Whether new sessions anchor media on the media role (false: SDP passes end to end; home sessions always anchor).</summary>
    public bool AnchorMedia { get; init; } = true;

    /// <summary>
    /// How long the gateway waits for a session, registration or index entity to answer. The first
    /// calls of a freshly started cluster start their shards (allocation by the coordinator, the
    /// remembered-entity store, the session's own journal) on nodes that are still warming up,
    /// which took more than 5 s on a loaded two-core machine; a caller waits behind 100 Trying, and
    /// SIP's own transaction timers (32 s) are far longer.
    /// </summary>
    public TimeSpan EntityTimeout { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>
    /// A new call's or an in-dialog request's command is sent to its session again this often until
    /// the session answers (within <see cref="EntityTimeout"/>): a copy sent while the session's node
    /// is being lost is lost with it.
    /// </summary>
    public TimeSpan SessionResendInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Retry-After (seconds) sent with 503 when an entity does not answer.</summary>
    public int RetryAfterSeconds { get; init; } = 5;

    /// <summary>Bind the SIP sockets with SO_REUSEPORT so several gateway nodes on one host share one port (Sip:ReusePort).</summary>
    public bool ReusePort { get; init; }

    /// <summary>
    /// Digest algorithms offered, in order (Sip:DigestAlgorithms). Default SHA-256 then MD5
    /// (RFC 8760); user agents that read only the first challenge and know only MD5 need MD5 alone.
    /// </summary>
    public IReadOnlyList<CallCluster.Sip.Auth.DigestAlgorithm> DigestAlgorithms { get; init; } =
        [CallCluster.Sip.Auth.DigestAlgorithm.Sha256, CallCluster.Sip.Auth.DigestAlgorithm.Md5];

    /// <summary>Value of the User-Agent/Server header.</summary>
    public string Product { get; init; } = "CallCluster";
}
