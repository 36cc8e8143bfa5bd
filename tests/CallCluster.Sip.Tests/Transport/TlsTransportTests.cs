using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CallCluster.Sip.Transport;
using static CallCluster.Sip.Tests.Transport.FramingData;

namespace CallCluster.Sip.Tests.Transport;

public sealed class TlsTransportTests : IDisposable
{
    private readonly X509Certificate2 _certificate = CreateCertificate("sip.callcluster.test");
    private readonly X509Certificate2 _stranger = CreateCertificate("stranger.test");

    private static X509Certificate2 CreateCertificate(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(name);
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    private SipTransportOptions TlsOptions(X509Certificate2 own) => new()
    {
        Tls = new SipTlsSettings(
            own,
            ValidateRemote: (_, certificate, _, _) => certificate is not null && certificate.GetCertHashString() == _certificate.GetCertHashString(),
            TargetHost: _ => "sip.callcluster.test"),
    };

    private static Task<SipTransportLayer> StartTlsAsync(SipTransportOptions options) =>
        SipTransportLayer.StartAsync([new SipListenEndpoint(SipTransportKind.Tls, new IPEndPoint(IPAddress.Loopback, 0))], options, TimeProvider.System);

    [Fact]
    public async Task Request_and_response_over_tls_between_two_layers()
    {
        await using var a = await StartTlsAsync(TlsOptions(_certificate));
        await using var b = await StartTlsAsync(TlsOptions(_certificate));
        var bAddress = b.Endpoint(SipTransportKind.Tls);

        Assert.Equal(SipSendResult.Sent, await a.SendAsync(SipTransportKind.Tls, bAddress, Ascii(Options("tls1"))));
        var atB = await b.NextAsync();
        Assert.Equal(SipTransportKind.Tls, atB.Transport);
        Assert.Equal(Options("tls1"), Encoding.ASCII.GetString(atB.Data.Span));

        const string response = "SIP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n";
        Assert.Equal(SipSendResult.Sent, b.SendOnConnection(atB.ConnectionId, Ascii(response)));
        var atA = await a.NextAsync();
        Assert.Equal(SipTransportKind.Tls, atA.Transport);
        Assert.Equal(response, Encoding.ASCII.GetString(atA.Data.Span));
    }

    [Fact]
    public async Task Peer_with_an_untrusted_certificate_is_refused()
    {
        await using var server = await StartTlsAsync(TlsOptions(_stranger));
        await using var client = await StartTlsAsync(TlsOptions(_certificate));
        var result = await client.SendAsync(SipTransportKind.Tls, server.Endpoint(SipTransportKind.Tls), Ascii(Options("bad")));
        Assert.Equal(SipSendResult.ConnectFailed, result);
    }

    [Fact]
    public async Task Plain_tcp_bytes_on_a_tls_port_never_reach_the_inbound_channel()
    {
        await using var server = await StartTlsAsync(TlsOptions(_certificate));
        using var plain = await SocketTestKit.ConnectAsync(server.Endpoint(SipTransportKind.Tls));
        await plain.SendTextAsync(Options("plain"));
        Assert.True(await plain.ClosedByPeerAsync());
        Assert.False(server.Inbound.TryRead(out _));
    }

    [Fact]
    public async Task Tls_listener_without_certificate_is_a_configuration_error()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => StartTlsAsync(new SipTransportOptions()));
    }

    [Fact]
    public async Task Keepalive_ping_over_tls_gets_a_pong()
    {
        await using var server = await StartTlsAsync(TlsOptions(_certificate));
        using var socket = await SocketTestKit.ConnectAsync(server.Endpoint(SipTransportKind.Tls));
        await using var ssl = new SslStream(new NetworkStream(socket), false, (_, c, _, _) => c?.GetCertHashString() == _certificate.GetCertHashString());
        using var cts = new CancellationTokenSource(SocketTestKit.Patience);
        await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "sip.callcluster.test" }, cts.Token);
        await ssl.WriteAsync(Ascii("\r\n\r\n"), cts.Token);
        var buffer = new byte[2];
        await ssl.ReadExactlyAsync(buffer, cts.Token);
        Assert.Equal("\r\n", Encoding.ASCII.GetString(buffer));
    }

    public void Dispose()
    {
        _certificate.Dispose();
        _stranger.Dispose();
    }
}
