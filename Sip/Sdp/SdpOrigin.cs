namespace CallCluster.Sip.Sdp;

/// <summary>The o= line (RFC 8866 section 5.2).</summary>
/// <param name="Username">User name, "-" when none.</param>
/// <param name="SessionId">Numeric session id, kept as written.</param>
/// <param name="SessionVersion">Version, increased on every change of the description.</param>
/// <param name="NetworkType">"IN".</param>
/// <param name="AddressType">"IP4" or "IP6".</param>
/// <param name="Address">Address of the originating host.</param>
public sealed record SdpOrigin(string Username, string SessionId, ulong SessionVersion, string NetworkType, string AddressType, string Address)
{
    /// <summary>An origin for an IPv4 or IPv6 address, network type IN.</summary>
    public static SdpOrigin Create(string username, string sessionId, ulong version, string address) =>
        new(username, sessionId, version, "IN", SdpConnection.AddressTypeOf(address), address);

    /// <summary>Copy with the version increased by one.</summary>
    public SdpOrigin WithNextVersion() => this with { SessionVersion = SessionVersion + 1 };

    /// <inheritdoc/>
    public override string ToString() => $"{Username} {SessionId} {SessionVersion} {NetworkType} {AddressType} {Address}";
}
