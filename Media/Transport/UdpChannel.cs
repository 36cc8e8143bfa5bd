using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace CallCluster.Media.Transport;

/// <summary>
/// One bound UDP socket with an asynchronous receive loop (no thread of its own: the loop awaits
/// <see cref="Socket.ReceiveFromAsync(Memory{byte}, SocketFlags, SocketAddress, CancellationToken)"/>,
/// so thousands of channels share the thread pool). Sends are synchronous non-blocking datagram sends.
/// An owner that runs on a clock of its own (a mixing loop) can take the receiving over instead
/// (<see cref="SetPolled"/>): the loop stops, and the owner drains the socket with <see cref="Poll"/>
/// each period, without blocking, a thread hop or an operation per packet on the thread pool.
/// </summary>
public sealed class UdpChannel : IDisposable
{
    /// <summary>Largest datagram accepted; longer ones are dropped (a <see cref="Poll(Span{byte}, SocketAddress, int)"/> buffer of exactly this size cannot tell them: it gets their first bytes).</summary>
    public const int MaxDatagram = 1500;

    /// <summary>Most G.711 samples one datagram can carry (one byte each).</summary>
    public const int MaxDatagramSamples = MaxDatagram;

    private readonly Socket socket;
    private IDatagramReceiver? receiver;
    private CancellationTokenSource? loop;
    private int polled;
    private int disposed;

    private UdpChannel(Socket socket, int port)
    {
        this.socket = socket;
        Port = port;
    }

    /// <summary>The local port.</summary>
    public int Port { get; }

    /// <summary>The socket's address family (for the source addresses a poller passes in).</summary>
    public AddressFamily AddressFamily => socket.AddressFamily;

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

        if (Volatile.Read(ref polled) == 0)
        {
            StartLoop();
        }
    }

    /// <summary>True while the owner receives with <see cref="Poll"/> instead of the receive loop.</summary>
    public bool Polled => Volatile.Read(ref polled) != 0;

    /// <summary>
    /// Hands receiving to an owner that calls <see cref="Poll"/> (true: the receive loop stops) or
    /// back to the receive loop (false). For a short while after a change both may deliver; each
    /// datagram still reaches the receiver exactly once.
    /// </summary>
    public void SetPolled(bool on)
    {
        if (Interlocked.Exchange(ref polled, on ? 1 : 0) == (on ? 1 : 0) || Volatile.Read(ref disposed) != 0)
        {
            return;
        }

        if (on)
        {
            Interlocked.Exchange(ref loop, null)?.Cancel();
        }
        else if (Volatile.Read(ref receiver) is not null)
        {
            StartLoop();
        }
    }

    /// <summary>
    /// Takes up to <paramref name="most"/> datagrams already queued on the socket and delivers them to
    /// the receiver, on the calling thread, without blocking (oversized ones are taken and dropped);
    /// the rest wait in the socket for the next call (the socket's buffer bounds them). <paramref name="from"/> (of <see cref="AddressFamily"/>) holds
    /// each source during its delivery. Returns how many were delivered.
    /// </summary>
    public int Poll(Span<byte> buffer, SocketAddress from, int most)
    {
        if (Volatile.Read(ref receiver) is not { } target)
        {
            return 0;
        }

        int delivered = 0;
        try
        {
            // Oversized datagrams count towards the most taken, so a flood of them cannot hold the caller.
            for (int taken = 0; taken < most && socket.Available > 0; taken++)
            {
                int length = socket.ReceiveFrom(buffer, SocketFlags.None, from);
                Interlocked.Increment(ref received);
                if (length > MaxDatagram)
                {
                    // Longer than any datagram taken (seen with a buffer longer than that): dropped.
                    continue;
                }

                delivered++;
                Deliver(target, buffer[..length], from);
            }
        }
        catch (SocketException)
        {
            // Taken by the receive loop in a hand-over, or an error queued on the socket: next period.
        }
        catch (ObjectDisposedException)
        {
        }

        return delivered;
    }

    /// <summary>
    /// As <see cref="Poll(Span{byte}, SocketAddress, int)"/>, receiving into <paramref name="batch"/>:
    /// on Linux one system call takes everything queued (up to the batch's capacity) and finds an
    /// empty socket empty, instead of asking the queue's size before every datagram.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Poll(DatagramBatch batch, SocketAddress from, int most)
    {
        if (!batch.Batched)
        {
            return Poll(batch.Single, from, most);
        }

        if (Volatile.Read(ref receiver) is not { } target)
        {
            return 0;
        }

        int delivered = 0;
        int taken = 0;
        while (taken < most && batch.Batched)
        {
            int asked = Math.Min(most - taken, DatagramBatch.Capacity);
            int count;
            try
            {
                count = batch.ReceiveFrom(socket.SafeHandle, asked);
            }
            catch (ObjectDisposedException)
            {
                return delivered;
            }

            taken += count;
            for (int i = 0; i < count; i++)
            {
                Interlocked.Increment(ref received);
                if (!batch.TryGet(i, from, out var datagram))
                {
                    continue;
                }

                delivered++;
                Deliver(target, datagram, from);
            }

            if (count < asked)
            {
                break;
            }
        }

        return delivered;
    }

    /// <summary>Sends one datagram; false when the socket refused it (buffer full, closed).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

        Interlocked.Exchange(ref loop, null)?.Cancel();
        socket.Dispose();
    }

    /// <summary>Starts a receive loop with a token of its own (cancelled when receiving is handed to a poller, or on dispose).</summary>
    private void StartLoop()
    {
        var own = new CancellationTokenSource();
        Interlocked.Exchange(ref loop, own)?.Cancel();
        _ = Task.Run(() => ReceiveLoopAsync(own.Token));
    }

    private async Task ReceiveLoopAsync(CancellationToken token)
    {
        var buffer = new byte[MaxDatagram];
        var from = new SocketAddress(socket.AddressFamily);
        while (Volatile.Read(ref disposed) == 0 && !token.IsCancellationRequested)
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
            Deliver(receiver!, buffer.AsSpan(0, length), from);
        }
    }

    /// <summary>Hands one datagram to the receiver; one it could not take (a defect) is counted and must not stop the endpoint.</summary>
    private void Deliver(IDatagramReceiver target, Span<byte> datagram, SocketAddress from)
    {
        try
        {
            target.OnDatagram(this, datagram, from);
        }
        catch (Exception) when (Volatile.Read(ref disposed) == 0)
        {
            Interlocked.Increment(ref handlerFailures);
        }
    }
}
