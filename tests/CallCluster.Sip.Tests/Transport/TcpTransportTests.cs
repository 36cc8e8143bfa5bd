using System.Net;
using System.Text;
using CallCluster.Sip.Transport;
using Microsoft.Extensions.Time.Testing;
using static CallCluster.Sip.Tests.Transport.FramingData;

namespace CallCluster.Sip.Tests.Transport;

public sealed class TcpTransportTests
{
    private static string Text(SipInboundPacket p) => Encoding.ASCII.GetString(p.Data.Span);

    [Fact]
    public async Task Two_messages_in_one_write_arrive_as_two_packets_on_one_connection()
    {
        await using var layer = await SocketTestKit.StartLoopbackAsync();
        using var client = await SocketTestKit.ConnectAsync(layer.Endpoint(SipTransportKind.Tcp));
        await client.SendTextAsync(Options("one") + InviteWithBody());

        var first = await layer.NextAsync();
        var second = await layer.NextAsync();
        Assert.Equal(Options("one"), Text(first));
        Assert.Equal(InviteWithBody(), Text(second));
        Assert.Equal(SipTransportKind.Tcp, first.Transport);
        Assert.Equal(client.LocalEndPoint, first.Remote);
        Assert.NotEqual(0, first.ConnectionId);
        Assert.Equal(first.ConnectionId, second.ConnectionId);
    }

    [Fact]
    public async Task One_message_split_over_many_writes_arrives_whole()
    {
        await using var layer = await SocketTestKit.StartLoopbackAsync();
        using var client = await SocketTestKit.ConnectAsync(layer.Endpoint(SipTransportKind.Tcp));
        var invite = InviteWithBody();
        for (var i = 0; i < invite.Length; i += 7)
        {
            await client.SendTextAsync(invite.Substring(i, Math.Min(7, invite.Length - i)));
            await Task.Yield();
        }
        Assert.Equal(invite, Text(await layer.NextAsync()));
    }

    [Fact]
    public async Task Double_crlf_ping_is_answered_with_single_crlf_pong()
    {
        await using var layer = await SocketTestKit.StartLoopbackAsync();
        using var client = await SocketTestKit.ConnectAsync(layer.Endpoint(SipTransportKind.Tcp));
        await client.SendTextAsync("\r\n\r\n");
        Assert.Equal("\r\n", await client.ReadAsync(2));
        await client.SendTextAsync("\r\n");
        await client.SendTextAsync("\r\n");
        Assert.Equal("\r\n", await client.ReadAsync(2));
    }

    [Fact]
    public async Task Response_goes_back_over_the_same_connection()
    {
        await using var layer = await SocketTestKit.StartLoopbackAsync();
        using var client = await SocketTestKit.ConnectAsync(layer.Endpoint(SipTransportKind.Tcp));
        await client.SendTextAsync(Options("reuse"));
        var request = await layer.NextAsync();

        var via = new SipViaAddress(SipTransportKind.Tcp, "client.invalid", 5060, HasRport: true);
        var target = SipResponseRouting.ForRequest(via, request.Remote, request.ConnectionId);
        const string response = "SIP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n";
        Assert.Equal(SipSendResult.Sent, await layer.SendResponseAsync(target, Ascii(response)));
        Assert.Equal(response, await client.ReadAsync(response.Length));

        Assert.Equal(SipSendResult.Sent, await layer.SendAsync(SipTransportKind.Tcp, request.Remote, Ascii(response)));
        Assert.Equal(response, await client.ReadAsync(response.Length));
        Assert.Equal(SipSendResult.Sent, layer.SendOnConnection(request.ConnectionId, Ascii(response)));
        Assert.Equal(response, await client.ReadAsync(response.Length));
    }

    [Fact]
    public async Task Outbound_connection_is_opened_once_and_reused_both_ways()
    {
        await using var a = await SocketTestKit.StartLoopbackAsync();
        await using var b = await SocketTestKit.StartLoopbackAsync();
        var bAddress = b.Endpoint(SipTransportKind.Tcp);

        Assert.Equal(SipSendResult.Sent, await a.SendAsync(SipTransportKind.Tcp, bAddress, Ascii(Options("out1"))));
        var atB = await b.NextAsync();
        Assert.Equal(Options("out1"), Text(atB));

        const string response = "SIP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n";
        Assert.Equal(SipSendResult.Sent, b.SendOnConnection(atB.ConnectionId, Ascii(response)));
        var atA = await a.NextAsync();
        Assert.Equal(response, Text(atA));
        Assert.Equal(bAddress, atA.Remote);

        Assert.Equal(SipSendResult.Sent, await a.SendAsync(SipTransportKind.Tcp, bAddress, Ascii(Options("out2"))));
        var again = await b.NextAsync();
        Assert.Equal(atB.ConnectionId, again.ConnectionId);
        Assert.Equal(atB.Remote, again.Remote);
    }

    [Fact]
    public async Task Ipv6_loopback_listeners_from_configuration_text_carry_messages()
    {
        Assert.True(SipListenEndpoint.TryParse("tcp:[::1]:0", out var tcp));
        Assert.True(SipListenEndpoint.TryParse("udp:[::1]:0", out var udp));
        await using var server = await SipTransportLayer.StartAsync([tcp!, udp!], new SipTransportOptions(), TimeProvider.System);
        await using var client = await SipTransportLayer.StartAsync([tcp!, udp!], new SipTransportOptions(), TimeProvider.System);
        foreach (var kind in new[] { SipTransportKind.Tcp, SipTransportKind.Udp })
        {
            var target = server.Endpoint(kind);
            Assert.Equal(IPAddress.IPv6Loopback, target.Address);
            Assert.Equal(SipSendResult.Sent, await client.SendAsync(kind, target, Ascii(Options("v6"))));
            var packet = await server.NextAsync();
            Assert.Equal(kind, packet.Transport);
            Assert.Equal(IPAddress.IPv6Loopback, packet.Remote.Address);
            Assert.Equal(Options("v6"), Text(packet));
        }
    }

    [Fact]
    public async Task Connect_failure_is_reported()
    {
        await using var layer = await SocketTestKit.StartLoopbackAsync();
        using var probe = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var closedPort = (IPEndPoint)probe.LocalEndPoint!;
        Assert.Equal(SipSendResult.ConnectFailed, await layer.SendAsync(SipTransportKind.Tcp, closedPort, Ascii(Options("x"))));
        Assert.Equal(SipSendResult.NoConnection, layer.SendOnConnection(12345, Ascii("x")));
    }

    [Fact]
    public async Task Missing_content_length_closes_the_connection()
    {
        await using var layer = await SocketTestKit.StartLoopbackAsync();
        using var client = await SocketTestKit.ConnectAsync(layer.Endpoint(SipTransportKind.Tcp));
        await client.SendTextAsync(Options("nolength").Replace("Content-Length: 0\r\n", ""));
        Assert.True(await client.ClosedByPeerAsync());
    }

    [Fact]
    public async Task Oversize_message_closes_the_connection()
    {
        var options = new SipTransportOptions { Limits = new SipFramerLimits(MaxHeaderBytes: 1024, MaxMessageBytes: 2048) };
        await using var layer = await SocketTestKit.StartLoopbackAsync(options);
        using var client = await SocketTestKit.ConnectAsync(layer.Endpoint(SipTransportKind.Tcp));
        await client.SendTextAsync(Options("big").Replace("Content-Length: 0", "Content-Length: 5000"));
        Assert.True(await client.ClosedByPeerAsync());

        using var endless = await SocketTestKit.ConnectAsync(layer.Endpoint(SipTransportKind.Tcp));
        await endless.SendTextAsync("INVITE sip:a@b SIP/2.0\r\nX: " + new string('x', 1500));
        Assert.True(await endless.ClosedByPeerAsync());
    }

    [Fact]
    public async Task Buffered_bytes_limit_closes_the_connection()
    {
        var options = new SipTransportOptions
        {
            Limits = new SipFramerLimits(MaxHeaderBytes: 8192, MaxMessageBytes: 1024),
            MaxBufferedBytesPerConnection = 1024,
        };
        await using var layer = await SocketTestKit.StartLoopbackAsync(options);
        using var client = await SocketTestKit.ConnectAsync(layer.Endpoint(SipTransportKind.Tcp));
        await client.SendTextAsync("INVITE sip:a@b SIP/2.0\r\nX: " + new string('x', 3000));
        Assert.True(await client.ClosedByPeerAsync());
    }

    [Fact]
    public async Task Connections_beyond_the_limit_are_closed()
    {
        await using var layer = await SocketTestKit.StartLoopbackAsync(new SipTransportOptions { MaxConnections = 1 });
        using var first = await SocketTestKit.ConnectAsync(layer.Endpoint(SipTransportKind.Tcp));
        await first.SendTextAsync("\r\n\r\n");
        Assert.Equal("\r\n", await first.ReadAsync(2));

        using var second = await SocketTestKit.ConnectAsync(layer.Endpoint(SipTransportKind.Tcp));
        Assert.True(await second.ClosedByPeerAsync());
        await first.SendTextAsync("\r\n\r\n");
        Assert.Equal("\r\n", await first.ReadAsync(2));
    }

    [Fact]
    public async Task Idle_connection_is_closed_on_virtual_time()
    {
        var time = new FakeTimeProvider();
        await using var layer = await SocketTestKit.StartLoopbackAsync(new SipTransportOptions { IdleTimeout = TimeSpan.FromSeconds(30) }, time);
        using var client = await SocketTestKit.ConnectAsync(layer.Endpoint(SipTransportKind.Tcp));
        await client.SendTextAsync("\r\n\r\n");
        Assert.Equal("\r\n", await client.ReadAsync(2));

        time.Advance(TimeSpan.FromSeconds(20));
        await client.SendTextAsync("\r\n\r\n");
        Assert.Equal("\r\n", await client.ReadAsync(2));

        time.Advance(TimeSpan.FromSeconds(31));
        Assert.True(await client.ClosedByPeerAsync());
    }
}
