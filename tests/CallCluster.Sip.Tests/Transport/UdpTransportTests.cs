using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using CallCluster.Sip.Transport;
using static CallCluster.Sip.Tests.Transport.FramingData;

namespace CallCluster.Sip.Tests.Transport;

public sealed class UdpTransportTests
{
    [Fact]
    public async Task Request_in_response_out_over_loopback()
    {
        await using var layer = await SocketTestKit.StartLoopbackAsync();
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        client.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var request = Ascii(Options("udp1"));
        await client.SendToAsync(request, SocketFlags.None, layer.Endpoint(SipTransportKind.Udp));

        var packet = await layer.NextAsync();
        Assert.Equal(request, packet.Data.ToArray());
        Assert.Equal(SipTransportKind.Udp, packet.Transport);
        Assert.Equal(client.LocalEndPoint, packet.Remote);
        Assert.Equal(layer.Endpoint(SipTransportKind.Udp), packet.Local);
        Assert.Equal(0, packet.ConnectionId);

        var target = SipResponseRouting.ForRequest(new SipViaAddress(SipTransportKind.Udp, "client.example.com", null, HasRport: true), packet.Remote, 0);
        var response = Ascii("SIP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n");
        Assert.Equal(SipSendResult.Sent, await layer.SendResponseAsync(target, response));

        var buffer = new byte[2048];
        using var cts = new CancellationTokenSource(SocketTestKit.Patience);
        var received = await client.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
        Assert.Equal(response, buffer[..received]);
    }

    [Fact]
    public async Task A_burst_that_arrives_while_nothing_is_read_waits_in_the_socket_and_none_is_lost()
    {
        // The node stops reading (its inbound queue of one is full) while a burst of 600 datagrams
        // arrives: about 0.7 MB of kernel memory, over three times Linux's default buffer.
        var inbound = Channel.CreateBounded<SipInboundPacket>(1);
        var options = new SipTransportOptions { UdpReceiveBufferBytes = 2 * 1024 * 1024 };
        await using var transport = SipUdpTransport.Start(new IPEndPoint(IPAddress.Loopback, 0), inbound.Writer, options);

        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        client.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        const int burst = 600;
        for (var i = 0; i < burst; i++)
        {
            await client.SendToAsync(Ascii($"OPTIONS sip:burst@example.com SIP/2.0\r\nCSeq: {i} OPTIONS\r\nContent-Length: 0\r\n\r\n"), SocketFlags.None, transport.LocalEndPoint);
        }

        using var cts = new CancellationTokenSource(SocketTestKit.Patience);
        for (var i = 0; i < burst; i++)
        {
            var packet = await inbound.Reader.ReadAsync(cts.Token);
            Assert.Contains($"CSeq: {i} OPTIONS", Encoding.ASCII.GetString(packet.Data.Span), StringComparison.Ordinal);
        }

        Assert.True(transport.ReceiveBufferBytes >= Math.Min(options.UdpReceiveBufferBytes, KernelReceiveBufferMax()),
            $"receive buffer {transport.ReceiveBufferBytes} bytes");
    }

    [Fact]
    public async Task Oversize_and_keepalive_datagrams_are_dropped()
    {
        var options = new SipTransportOptions { Limits = new SipFramerLimits(MaxHeaderBytes: 200, MaxMessageBytes: 400) };
        await using var layer = await SocketTestKit.StartLoopbackAsync(options);
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var server = layer.Endpoint(SipTransportKind.Udp);
        await client.SendToAsync(new byte[500], SocketFlags.None, server);
        await client.SendToAsync(Ascii("\r\n\r\n"), SocketFlags.None, server);
        var small = Ascii("OPTIONS sip:a@b SIP/2.0\r\nContent-Length: 0\r\n\r\n");
        await client.SendToAsync(small, SocketFlags.None, server);

        var packet = await layer.NextAsync();
        Assert.Equal(small, packet.Data.ToArray());
        Assert.Equal(SipSendResult.TooLarge, await layer.SendAsync(SipTransportKind.Udp, packet.Remote, new byte[401]));
    }

    [Fact]
    public async Task Sending_without_a_transport_of_that_family_is_refused()
    {
        await using var layer = await SocketTestKit.StartLoopbackAsync();
        var result = await layer.SendAsync(SipTransportKind.Udp, new IPEndPoint(IPAddress.IPv6Loopback, 5060), Encoding.ASCII.GetBytes("x"));
        Assert.Equal(SipSendResult.NoTransport, result);
        Assert.Equal(SipSendResult.NoTransport, await layer.SendAsync(SipTransportKind.Tls, new IPEndPoint(IPAddress.Loopback, 5061), new byte[1]));
    }

    /// <summary>Linux's ceiling for SO_RCVBUF (<c>net.core.rmem_max</c>).</summary>
    private static int KernelReceiveBufferMax() =>
        int.Parse(File.ReadAllText("/proc/sys/net/core/rmem_max").Trim(), System.Globalization.CultureInfo.InvariantCulture);
}
