using System.Net;
using System.Net.Sockets;

namespace CallCluster.Media.Transport;

/// <summary>
/// One bound UDP socket with an asynchronous receive loop (no thread of its own: the loop awaits
/// <see cref="Socket.ReceiveFromAsync(Memory{byte}, SocketFlags, SocketAddress, CancellationToken)"/>,
/// so thousands of channels share the thread pool). Sends are synchronous non-blocking datagram sends.
/// </summary>
public sealed class UdpChannel : IDisposable
{
    /// <summary>Largest datagram accepted; longer ones are truncated by the socket and dropped.</summary>
    public const int MaxDatagram = 1500;

    /// <summary>Most G.711 samples one datagram can carry (one byte each).</summary>
    public const int MaxDatagramSamples = MaxDatagram;

    private readonly Socket socket;
    private readonly CancellationTokenSource stop = new();
    private IDatagramReceiver? receiver;
    private int disposed;

    private UdpChannel(Socket socket, int port)
    {
        this.socket = socket;
        Port = port;
    }

    /// <summary>The local port.</summary>
    public int Port { get; }

    /// <summary>Datagrams received.</summary>
    public long Received => Interlocked.Read(ref received);

    /// <summary>Datagrams sent.</summary>
    public long Sent => Interlocked.Read(ref sent);

    /// <summary>Datagrams whose handler threw (a defect; counted, the loop goes on).</summary>
    public long HandlerFailures => Interlocked.Read(ref handlerFailures);

    private long received;
    private long sent;
    private long handlerFailures;

    /// <summary>Binds <paramref name="address"/>:<paramref name="port"/>; null (and no exception) when the port is taken.</summary>
    public static UdpChannel? TryBind(IPAddress address, int port)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Blocking = false;
            socket.ReceiveBufferSize = 256 * 1024;
            socket.Bind(new IPEndPoint(address, port));
            return new UdpChannel(socket, ((IPEndPoint)socket.LocalEndPoint!).Port);
        }
        catch (SocketException)
        {
            socket.Dispose();
            return null;
        }
    }

    /// <summary>Starts the receive loop, delivering to <paramref name="target"/>. Call once.</summary>
    public void Start(IDatagramReceiver target)
    {
        if (Interlocked.CompareExchange(ref receiver, target, null) is not null)
        {
            throw new InvalidOperationException("channel already started");
        }

        _ = Task.Run(ReceiveLoopAsync);
    }

    /// <summary>Sends one datagram; false when the socket refused it (buffer full, closed).</summary>
    public bool Send(ReadOnlySpan<byte> datagram, SocketAddress to)
    {
        try
        {
            if (socket.SendTo(datagram, SocketFlags.None, to) == datagram.Length)
            {
                Interlocked.Increment(ref sent);
                return true;
            }
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }

        return false;
    }

    /// <summary>Stops the loop and closes the socket; safe to call more than once.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        stop.Cancel();
        socket.Dispose();
        stop.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[MaxDatagram];
        var from = new SocketAddress(socket.AddressFamily);
        var token = stop.Token;
        while (Volatile.Read(ref disposed) == 0)
        {
            int length;
            try
            {
                length = await socket.ReceiveFromAsync(buffer, SocketFlags.None, from, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                // ICMP errors and truncated datagrams: keep receiving while the channel is open.
                continue;
            }

            Interlocked.Increment(ref received);
            try
            {
                receiver!.OnDatagram(this, buffer.AsSpan(0, length), from);
            }
            catch (Exception) when (Volatile.Read(ref disposed) == 0)
            {
                // A datagram the handler could not take must not stop the endpoint.
                Interlocked.Increment(ref handlerFailures);
            }
        }
    }
}
