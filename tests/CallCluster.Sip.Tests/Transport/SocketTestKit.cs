using System.Net;
using System.Net.Sockets;
using System.Text;
using CallCluster.Sip.Transport;

namespace CallCluster.Sip.Tests.Transport;

/// <summary>Loopback helpers with bounded waits (they fail a test instead of hanging it).</summary>
internal static class SocketTestKit
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static async Task<SipTransportLayer> StartLoopbackAsync(SipTransportOptions? options = null, TimeProvider? time = null) =>
        await SipTransportLayer.StartAsync(
            [new SipListenEndpoint(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, 0)),
             new SipListenEndpoint(SipTransportKind.Tcp, new IPEndPoint(IPAddress.Loopback, 0))],
            options ?? new SipTransportOptions(),
            time ?? TimeProvider.System);

    public static IPEndPoint Endpoint(this SipTransportLayer layer, SipTransportKind kind) =>
        layer.LocalEndpoints.Single(e => e.Kind == kind).EndPoint;

    public static async Task<SipInboundPacket> NextAsync(this SipTransportLayer layer)
    {
        using var cts = new CancellationTokenSource(Patience);
        return await layer.Inbound.ReadAsync(cts.Token);
    }

    public static async Task<Socket> ConnectAsync(IPEndPoint endPoint)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var cts = new CancellationTokenSource(Patience);
        await socket.ConnectAsync(endPoint, cts.Token);
        return socket;
    }

    public static async Task SendTextAsync(this Socket socket, string text)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        var sent = 0;
        while (sent < bytes.Length) sent += await socket.SendAsync(bytes.AsMemory(sent), SocketFlags.None);
    }

    /// <summary>Reads until <paramref name="count"/> bytes arrived or the peer closed; returns what was read.</summary>
    public static async Task<string> ReadAsync(this Socket socket, int count)
    {
        using var cts = new CancellationTokenSource(Patience);
        var buffer = new byte[count];
        var read = 0;
        while (read < count)
        {
            var n = await socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None, cts.Token);
            if (n == 0) break;
            read += n;
        }
        return Encoding.ASCII.GetString(buffer, 0, read);
    }

    /// <summary>True when the peer closed (orderly or by reset) before sending anything more.</summary>
    public static async Task<bool> ClosedByPeerAsync(this Socket socket)
    {
        try
        {
            return (await socket.ReadAsync(1)).Length == 0;
        }
        catch (SocketException)
        {
            return true;
        }
    }
}
