using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace CallCluster.Sip.Transport;

/// <summary>
/// SIP over TCP, or over TLS when started with <see cref="SipTransportKind.Tls"/> (RFC 3261
/// sections 18 and 26.2): accepts connections on one address, frames each stream
/// into messages delivered to the inbound channel, and sends either over a connection named by
/// id or to a remote endpoint, reusing an open connection to it or connecting when none exists.
/// Idle connections are closed after <see cref="SipTransportOptions.IdleTimeout"/> (measured on
/// the injected <see cref="TimeProvider"/>). All I/O is asynchronous; no thread per connection.
/// </summary>
public sealed class SipTcpTransport : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly ChannelWriter<SipInboundPacket> _sink;
    private readonly SipTransportOptions _options;
    private readonly TimeProvider _time;
    private readonly SipConnectionIds _ids;
    private readonly SipTlsSettings? _tls;
    private int _handshaking;
    private readonly ConcurrentDictionary<long, SipTcpConnection> _byId = new();
    private readonly ConcurrentDictionary<IPEndPoint, SipTcpConnection> _byRemote = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly Task _sweeping;

    private SipTcpTransport(
        SipTransportKind kind, Socket listener, ChannelWriter<SipInboundPacket> sink, SipTransportOptions options, TimeProvider time, SipConnectionIds ids)
    {
        Kind = kind;
        _tls = kind == SipTransportKind.Tls ? options.Tls : null;
        _listener = listener;
        _sink = sink;
        _options = options;
        _time = time;
        _ids = ids;
        LocalEndPoint = (IPEndPoint)listener.LocalEndPoint!;
        _accepting = AcceptLoopAsync();
        _sweeping = SweepLoopAsync();
    }

    /// <summary>Binds and listens on <paramref name="endPoint"/> (port 0 picks a free port).</summary>
    public static SipTcpTransport Start(
        IPEndPoint endPoint,
        ChannelWriter<SipInboundPacket> sink,
        SipTransportOptions options,
        TimeProvider time,
        SipConnectionIds? ids = null) =>
        Start(SipTransportKind.Tcp, endPoint, sink, options, time, ids);

    /// <summary>Binds a TCP (<see cref="SipTransportKind.Tcp"/>) or TLS (<see cref="SipTransportKind.Tls"/>, needs <see cref="SipTransportOptions.Tls"/>) listener.</summary>
    public static SipTcpTransport Start(
        SipTransportKind kind,
        IPEndPoint endPoint,
        ChannelWriter<SipInboundPacket> sink,
        SipTransportOptions options,
        TimeProvider time,
        SipConnectionIds? ids = null)
    {
        if (kind == SipTransportKind.Udp) throw new ArgumentException("UDP is not a stream transport.", nameof(kind));
        if (kind == SipTransportKind.Tls && options.Tls is null)
            throw new ArgumentException("A TLS listener needs SipTransportOptions.Tls.", nameof(options));
        if (options.Limits.MaxMessageBytes > options.MaxBufferedBytesPerConnection)
            throw new ArgumentException("MaxMessageBytes must not exceed MaxBufferedBytesPerConnection.", nameof(options));
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (options.ReusePort) SipReusePort.Apply(socket);
            socket.Bind(endPoint);
            socket.Listen(512);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new SipTcpTransport(kind, socket, sink, options, time, ids ?? new SipConnectionIds());
    }

    /// <summary>TCP or TLS.</summary>
    public SipTransportKind Kind { get; }

    /// <summary>The bound address and port.</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Open connections, accepted and outbound.</summary>
    public int ConnectionCount => _byId.Count;

    /// <summary>True when a connection with this id is open here.</summary>
    public bool HasConnection(long connectionId) => _byId.ContainsKey(connectionId);

    /// <summary>Sends over the connection <paramref name="connectionId"/>; never opens a new one.</summary>
    public SipSendResult Send(long connectionId, ReadOnlyMemory<byte> data) =>
        _byId.TryGetValue(connectionId, out var connection) ? connection.Send(data) : SipSendResult.NoConnection;

    /// <summary>Sends to <paramref name="remote"/>, over an open connection to it when there is one, else over a new one.</summary>
    public async ValueTask<SipSendResult> SendAsync(IPEndPoint remote, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        if (_stop.IsCancellationRequested) return SipSendResult.NoTransport;
        if (data.Length > _options.Limits.MaxMessageBytes) return SipSendResult.TooLarge;
        if (_byRemote.TryGetValue(remote, out var existing) && !existing.IsClosed) return existing.Send(data);
        var connection = await ConnectAsync(remote, cancellationToken).ConfigureAwait(false);
        return connection?.Send(data) ?? SipSendResult.ConnectFailed;
    }

    /// <summary>Closes the connection with this id; false when it is not open.</summary>
    public bool Close(long connectionId)
    {
        if (!_byId.TryGetValue(connectionId, out var connection)) return false;
        connection.Close("closed locally");
        return true;
    }

    private async Task<SipTcpConnection?> ConnectAsync(IPEndPoint remote, CancellationToken cancellationToken)
    {
        if (_byId.Count >= _options.MaxConnections) return null;
        var socket = new Socket(remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timeout = new CancellationTokenSource(_options.ConnectTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken, _stop.Token);
        try
        {
            await socket.ConnectAsync(remote, linked.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            socket.Dispose();
            return null;
        }
        var connection = await AdoptAsync(socket, remote, cancellationToken).ConfigureAwait(false);
        if (connection is null) return null;
        var winner = _byRemote.GetOrAdd(remote, connection);
        if (winner != connection && !winner.IsClosed)
        {
            connection.Close("duplicate outbound connection");
            return winner;
        }
        _byRemote[remote] = connection;
        return connection;
    }

    /// <summary>Wraps a connected socket (after the TLS handshake for TLS) and starts its loops; null when refused or failed.</summary>
    private async Task<SipTcpConnection?> AdoptAsync(Socket socket, IPEndPoint? outboundTo, CancellationToken cancellationToken)
    {
        if (_byId.Count + Volatile.Read(ref _handshaking) >= _options.MaxConnections || _stop.IsCancellationRequested)
        {
            socket.Dispose();
            return null;
        }
        SipTcpConnection connection;
        Stream? stream = null;
        Interlocked.Increment(ref _handshaking);
        try
        {
            stream = new NetworkStream(socket, ownsSocket: true);
            if (_tls is not null)
            {
                stream = await SipTlsHandshake.AuthenticateAsync(stream, _tls, outboundTo, _time, _stop.Token, cancellationToken).ConfigureAwait(false);
            }
            connection = new SipTcpConnection(_ids.Next(), Kind, socket, stream, _options, _time);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or IOException
            or System.Security.Authentication.AuthenticationException or OperationCanceledException or InvalidOperationException)
        {
            stream?.Dispose();
            socket.Dispose();
            return null;
        }
        finally
        {
            Interlocked.Decrement(ref _handshaking);
        }
        if (_stop.IsCancellationRequested)
        {
            connection.Close("transport stopped");
            return null;
        }
        _byId[connection.Id] = connection;
        _byRemote.TryAdd(connection.Remote, connection);
        connection.Start(_sink, Forget);
        return connection;
    }

    private void Forget(SipTcpConnection connection)
    {
        _byId.TryRemove(connection.Id, out _);
        _byRemote.TryRemove(new KeyValuePair<IPEndPoint, SipTcpConnection>(connection.Remote, connection));
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }
            socket.NoDelay = true;
            _ = AdoptAsync(socket, null, CancellationToken.None);
        }
    }

    private async Task SweepLoopAsync()
    {
        var period = TimeSpan.FromTicks(Math.Max(_options.IdleTimeout.Ticks / 4, TimeSpan.TicksPerMillisecond * 100));
        using var timer = new PeriodicTimer(period, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                foreach (var connection in _byId.Values)
                {
                    if (connection.IdleFor >= _options.IdleTimeout) connection.Close("idle timeout");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Stops accepting, closes every connection and the listening socket.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested) return;
        _stop.Cancel();
        _listener.Dispose();
        foreach (var connection in _byId.Values) connection.Close("transport stopped");
        await Task.WhenAll(_accepting, _sweeping).ConfigureAwait(false);
    }
}
