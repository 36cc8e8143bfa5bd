using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace CallCluster.Sip.Transport;

/// <summary>
/// TLS for SIP over TLS (RFC 3261 section 26.2, port 5061): the server certificate presented on
/// accepted connections and how outbound connections check the peer.
/// </summary>
/// <param name="Certificate">Certificate with private key presented as a server (and as a client when asked).</param>
/// <param name="ValidateRemote">Peer certificate check; null uses the platform's chain and name validation. As a server, clients without a certificate are accepted and a presented certificate must pass.</param>
/// <param name="TargetHost">Name expected in the peer's certificate for an outbound connection; null uses the IP literal.</param>
/// <param name="HandshakeTimeout">Longest TLS handshake; null means ten seconds.</param>
public sealed record SipTlsSettings(
    X509Certificate2 Certificate,
    RemoteCertificateValidationCallback? ValidateRemote = null,
    Func<IPEndPoint, string>? TargetHost = null,
    TimeSpan? HandshakeTimeout = null)
{
    /// <summary>Handshake time limit in effect.</summary>
    public TimeSpan EffectiveHandshakeTimeout => HandshakeTimeout ?? TimeSpan.FromSeconds(10);
}
