using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace CallCluster.Sip.Transport;

/// <summary>
/// SIP over UDP (RFC 3261 section 18): one socket, one asynchronous receive loop delivering
/// each datagram as a <see cref="SipInboundPacket"/>. Datagrams made only of CR/LF (keep-alives)
/// and datagrams over the message limit are dropped. <see cref="SipInboundPacket.Local"/> is the bound
/// address (0.0.0.0 or :: when bound to every interface).
/// </summary>
public sealed class SipUdpTransport : IAsyncDisposable
{
    private const int MaxDatagram = 65_535;

    private readonly Socket _socket;
    private readonly ChannelWriter<SipInboundPacket> _sink;
    private readonly SipTransportOptions _options;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiving;

    private SipUdpTransport(Socket socket, ChannelWriter<SipInboundPacket> sink, SipTransportOptions options)
    {
        _socket = socket;
        _sink = sink;
        _options = options;
        LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
        _receiving = ReceiveLoopAsync();
    }

    /// <summary>Binds <paramref name="endPoint"/> (port 0 picks a free port) and starts receiving.</summary>
    public static SipUdpTransport Start(IPEndPoint endPoint, ChannelWriter<SipInboundPacket> sink, SipTransportOptions options)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            if (options.ReusePort) SipReusePort.Apply(socket);
            socket.ReceiveBufferSize = options.UdpReceiveBufferBytes;
            socket.Bind(endPoint);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new SipUdpTransport(socket, sink, options);
    }

    /// <summary>The socket's receive buffer as the kernel reports it (Linux: twice the size granted, for its bookkeeping).</summary>
    public int ReceiveBufferBytes => _socket.ReceiveBufferSize;

    /// <summary>The bound address and port.</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Datagrams dropped because they were larger than the message limit.</summary>
    public long DroppedOversize => Interlocked.Read(ref _droppedOversize);

    private long _droppedOversize;

    /// <summary>Sends one datagram to <paramref name="remote"/>.</summary>
    public async ValueTask<SipSendResult> SendAsync(IPEndPoint remote, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        if (_stop.IsCancellationRequested) return SipSendResult.NoTransport;
        if (data.Length > Math.Min(_options.Limits.MaxMessageBytes, MaxDatagram - 28)) return SipSendResult.TooLarge;
        try
        {
            await _socket.SendToAsync(data, SocketFlags.None, remote, cancellationToken).ConfigureAwait(false);
            return SipSendResult.Sent;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            return SipSendResult.Failed;
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = GC.AllocateUninitializedArray<byte>(MaxDatagram);
        EndPoint any = _socket.AddressFamily == AddressFamily.InterNetworkV6
            ? new IPEndPoint(IPAddress.IPv6Any, 0)
            : new IPEndPoint(IPAddress.Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }
            var data = buffer.AsSpan(0, received.ReceivedBytes);
            if (data.IsEmpty || data.IndexOfAnyExcept((byte)'\r', (byte)'\n') < 0) continue;
            if (data.Length > _options.Limits.MaxMessageBytes)
            {
                Interlocked.Increment(ref _droppedOversize);
                continue;
            }
            var packet = new SipInboundPacket(data.ToArray(), SipTransportKind.Udp, (IPEndPoint)received.RemoteEndPoint, LocalEndPoint, 0);
            try
            {
                await _sink.WriteAsync(packet, _stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
            {
                return;
            }
        }
    }

    /// <summary>Stops receiving and closes the socket.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested) return;
        _stop.Cancel();
        _socket.Dispose();
        await _receiving.ConfigureAwait(false);
    }
}
