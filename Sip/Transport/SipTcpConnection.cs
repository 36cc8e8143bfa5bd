using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace CallCluster.Sip.Transport;

/// <summary>
/// One TCP or TLS connection: a receive loop that frames the byte stream (System.IO.Pipelines
/// over the socket's stream) and a send loop draining a bounded queue. Both are asynchronous; no thread is
/// held per connection. Closing is idempotent and reported once to the owner.
/// </summary>
internal sealed class SipTcpConnection
{
    private static ReadOnlyMemory<byte> Pong => "\r\n"u8.ToArray();

    private readonly Socket _socket;
    private readonly Stream _stream;
    private readonly SipTransportOptions _options;
    private readonly TimeProvider _time;
    private readonly Channel<ReadOnlyMemory<byte>> _outbound;
    private readonly CancellationTokenSource _stop = new();
    private long _lastActivity;
    private int _closed;

    /// <param name="stream">The socket's stream: a NetworkStream, or an authenticated SslStream for TLS.</param>
    public SipTcpConnection(long id, SipTransportKind kind, Socket socket, Stream stream, SipTransportOptions options, TimeProvider time)
    {
        Id = id;
        Kind = kind;
        _socket = socket;
        _stream = stream;
        _options = options;
        _time = time;
        Remote = socket.RemoteEndPoint as IPEndPoint ?? throw new SocketException((int)SocketError.NotConnected);
        Local = socket.LocalEndPoint as IPEndPoint ?? throw new SocketException((int)SocketError.NotConnected);
        _outbound = Channel.CreateBounded<ReadOnlyMemory<byte>>(
            new BoundedChannelOptions(options.OutboundQueuePerConnection) { SingleReader = true });
        _lastActivity = time.GetTimestamp();
    }

    public long Id { get; }

    public SipTransportKind Kind { get; }

    public IPEndPoint Remote { get; }

    public IPEndPoint Local { get; }

    /// <summary>Why the connection was closed (null while open).</summary>
    public string? CloseReason { get; private set; }

    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    /// <summary>Time since the last byte was received or sent.</summary>
    public TimeSpan IdleFor => _time.GetElapsedTime(Interlocked.Read(ref _lastActivity));

    /// <summary>Starts both loops; <paramref name="closed"/> is called once when the connection ends.</summary>
    public void Start(ChannelWriter<SipInboundPacket> sink, Action<SipTcpConnection> closed)
    {
        _ = RunAsync(sink, closed);
    }

    /// <summary>Queues bytes for sending.</summary>
    public SipSendResult Send(ReadOnlyMemory<byte> data)
    {
        if (IsClosed) return SipSendResult.NoConnection;
        if (data.Length > _options.Limits.MaxMessageBytes) return SipSendResult.TooLarge;
        return _outbound.Writer.TryWrite(data) ? SipSendResult.Sent
            : IsClosed ? SipSendResult.NoConnection : SipSendResult.QueueFull;
    }

    /// <summary>Closes the socket and stops both loops.</summary>
    public void Close(string reason)
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0) return;
        CloseReason = reason;
        _outbound.Writer.TryComplete();
        _stop.Cancel();
        _socket.Dispose();
        _stream.Dispose();
    }

    private async Task RunAsync(ChannelWriter<SipInboundPacket> sink, Action<SipTcpConnection> closed)
    {
        var sending = SendLoopAsync();
        var reason = await ReceiveLoopAsync(sink).ConfigureAwait(false);
        Close(reason);
        await sending.ConfigureAwait(false);
        _stop.Dispose();
        closed(this);
    }

    private async Task<string> ReceiveLoopAsync(ChannelWriter<SipInboundPacket> sink)
    {
        var reader = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: 4096, minimumReadSize: 1024, leaveOpen: true));
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(_stop.Token).ConfigureAwait(false);
                Touch();
                var buffer = result.Buffer;
                var failure = await DrainAsync(sink, ref buffer).ConfigureAwait(false);
                if (failure is not null) return failure;
                reader.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted) return buffer.IsEmpty ? "closed by peer" : "closed by peer mid-message";
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException
            or ChannelClosedException or InvalidOperationException)
        {
            return CloseReason ?? e.GetType().Name;
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Delivers every whole frame in <paramref name="buffer"/>; returns a close reason or null.</summary>
    private ValueTask<string?> DrainAsync(ChannelWriter<SipInboundPacket> sink, ref ReadOnlySequence<byte> buffer)
    {
        List<SipInboundPacket>? packets = null;
        while (true)
        {
            var status = SipStreamFramer.TryRead(buffer, _options.Limits, out var frame, out var error);
            if (status == SipFrameStatus.Invalid) return ValueTask.FromResult<string?>($"framing: {error}");
            if (status == SipFrameStatus.NeedMoreData) break;
            if (frame.Kind == SipFrameKind.Ping) Send(Pong);
            if (frame.Kind == SipFrameKind.Message)
            {
                (packets ??= []).Add(new SipInboundPacket(frame.Message.ToArray(), Kind, Remote, Local, Id));
            }
            buffer = buffer.Slice(frame.End);
        }
        if (buffer.Length > _options.MaxBufferedBytesPerConnection)
            return ValueTask.FromResult<string?>("buffered bytes limit");
        return packets is null ? ValueTask.FromResult<string?>(null) : DeliverAsync(sink, packets);
    }

    private async ValueTask<string?> DeliverAsync(ChannelWriter<SipInboundPacket> sink, List<SipInboundPacket> packets)
    {
        foreach (var packet in packets) await sink.WriteAsync(packet, _stop.Token).ConfigureAwait(false);
        return null;
    }

    private async Task SendLoopAsync()
    {
        try
        {
            await foreach (var data in _outbound.Reader.ReadAllAsync(_stop.Token).ConfigureAwait(false))
            {
                await _stream.WriteAsync(data, _stop.Token).ConfigureAwait(false);
                Touch();
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException
            or InvalidOperationException)
        {
            Close(CloseReason ?? $"send: {e.GetType().Name}");
        }
    }

    private void Touch() => Interlocked.Exchange(ref _lastActivity, _time.GetTimestamp());
}
