using System.Net;
using System.Net.Sockets;
using CallCluster.Sip.Transport;
using static CallCluster.Sip.Tests.Transport.FramingData;

namespace CallCluster.Sip.Tests.Transport;

public sealed class ReusePortTests
{
    private static readonly SipTransportOptions Shared = new() { ReusePort = true };

    private static Task<SipTransportLayer> StartAsync(int udpPort, int tcpPort, SipTransportOptions options) =>
        SipTransportLayer.StartAsync(
            [new SipListenEndpoint(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, udpPort)),
             new SipListenEndpoint(SipTransportKind.Tcp, new IPEndPoint(IPAddress.Loopback, tcpPort))],
            options,
            TimeProvider.System);

    [Fact]
    public async Task Two_transports_share_one_udp_and_tcp_port_and_the_survivor_receives_after_the_other_is_disposed()
    {
        var first = await StartAsync(0, 0, Shared);
        var udp = first.Endpoint(SipTransportKind.Udp);
        var tcp = first.Endpoint(SipTransportKind.Tcp);
        await using var second = await StartAsync(udp.Port, tcp.Port, Shared);
        Assert.Equal(udp, second.Endpoint(SipTransportKind.Udp));
        Assert.Equal(tcp, second.Endpoint(SipTransportKind.Tcp));

        await first.DisposeAsync();

        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        client.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var datagram = Ascii(Options("reuse-udp"));
        await client.SendToAsync(datagram, SocketFlags.None, udp);
        var viaUdp = await second.NextAsync();
        Assert.Equal(datagram, viaUdp.Data.ToArray());
        Assert.Equal(SipTransportKind.Udp, viaUdp.Transport);

        using var stream = await SocketTestKit.ConnectAsync(tcp);
        var text = Options("reuse-tcp");
        await stream.SendTextAsync(text);
        var viaTcp = await second.NextAsync();
        Assert.Equal(Ascii(text), viaTcp.Data.ToArray());
        Assert.Equal(SipTransportKind.Tcp, viaTcp.Transport);
        Assert.Equal(tcp, viaTcp.Local);
    }

    [Fact]
    public async Task Every_datagram_reaches_one_of_two_sharing_transports_while_both_are_up()
    {
        await using var first = await StartAsync(0, 0, Shared);
        var udp = first.Endpoint(SipTransportKind.Udp);
        await using var second = await StartAsync(udp.Port, first.Endpoint(SipTransportKind.Tcp).Port, Shared);

        const int clients = 8;
        for (var i = 0; i < clients; i++)
        {
            using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            client.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            await client.SendToAsync(Ascii(Options($"spread{i}")), SocketFlags.None, udp);
        }

        var received = 0;
        using var cts = new CancellationTokenSource(SocketTestKit.Patience);
        while (received < clients && !cts.IsCancellationRequested)
        {
            var next = await Task.WhenAny(
                first.Inbound.WaitToReadAsync(cts.Token).AsTask(),
                second.Inbound.WaitToReadAsync(cts.Token).AsTask());
            await next;
            while (first.Inbound.TryRead(out _)) received++;
            while (second.Inbound.TryRead(out _)) received++;
        }
        Assert.Equal(clients, received);
    }

    [Fact]
    public async Task Without_reuse_port_a_second_bind_of_the_same_port_is_refused()
    {
        await using var first = await StartAsync(0, 0, Shared);
        var error = await Assert.ThrowsAsync<SocketException>(() => StartAsync(
            first.Endpoint(SipTransportKind.Udp).Port, first.Endpoint(SipTransportKind.Tcp).Port, new SipTransportOptions()));
        Assert.Equal(SocketError.AddressAlreadyInUse, error.SocketErrorCode);
    }
}
