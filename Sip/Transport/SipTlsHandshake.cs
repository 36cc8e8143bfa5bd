using System.Net;
using System.Net.Security;

namespace CallCluster.Sip.Transport;

/// <summary>Runs the TLS handshake of an accepted (server) or outbound (client) connection within the settings' time limit.</summary>
internal static class SipTlsHandshake
{
    /// <param name="outboundTo">The remote for a client handshake; null for a server handshake.</param>
    public static async Task<Stream> AuthenticateAsync(
        Stream inner,
        SipTlsSettings settings,
        IPEndPoint? outboundTo,
        TimeProvider time,
        CancellationToken stopping,
        CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(settings.EffectiveHandshakeTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, stopping, cancellationToken);
        var ssl = new SslStream(inner, leaveInnerStreamOpen: false);
        try
        {
            if (outboundTo is null)
            {
                await ssl.AuthenticateAsServerAsync(
                    new SslServerAuthenticationOptions
                    {
                        ServerCertificate = settings.Certificate,
                        ClientCertificateRequired = false,
                        RemoteCertificateValidationCallback = ServerSideCheck(settings.ValidateRemote),
                    },
                    linked.Token).ConfigureAwait(false);
            }
            else
            {
                await ssl.AuthenticateAsClientAsync(
                    new SslClientAuthenticationOptions
                    {
                        TargetHost = settings.TargetHost?.Invoke(outboundTo) ?? outboundTo.Address.ToString(),
                        RemoteCertificateValidationCallback = settings.ValidateRemote,
                        ClientCertificates = [settings.Certificate],
                    },
                    linked.Token).ConfigureAwait(false);
            }
            return ssl;
        }
        catch
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Clients without a certificate are accepted; a certificate that is presented must pass the check.</summary>
    private static RemoteCertificateValidationCallback ServerSideCheck(RemoteCertificateValidationCallback? check) =>
        (sender, certificate, chain, errors) =>
            certificate is null
            || (check?.Invoke(sender, certificate, chain, errors) ?? errors == SslPolicyErrors.None);
}
