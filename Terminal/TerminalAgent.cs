using System.Net;
using System.Threading.Channels;
using CallCluster.Sip.Auth;
using CallCluster.Sip.Transactions;
using CallCluster.Sip.Transport;
using CallCluster.Terminal.Media;

namespace CallCluster.Terminal;

/// <summary>
/// A SIP user agent with RTP media on the project's stack: registers with digest, places calls
/// (several at once), answers calls (auto-answer only for bound mobiles), sends a tone and a
/// test-pattern video, and reports events and statistics. One loop owns the transaction layer
/// and every call's state; the public methods post work to that loop.
/// </summary>
public sealed partial class TerminalAgent : IAsyncDisposable
{
    private readonly TerminalOptions _options;
    private readonly TimeProvider _time;
    private readonly SipTransportLayer _transport;
    private readonly TransactionLayer _layer;
    private readonly Channel<Action> _work = Channel.CreateBounded<Action>(new BoundedChannelOptions(10_000) { SingleReader = true });
    private readonly Channel<TerminalEvent> _events = Channel.CreateBounded<TerminalEvent>(new BoundedChannelOptions(10_000) { SingleReader = false, FullMode = BoundedChannelFullMode.DropOldest });
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, CallLeg> _calls = [];
    private readonly DigestClient? _digest;
    private readonly IPEndPoint _local;
    private TerminalStats _stats;
    private Task _loopTask = Task.CompletedTask;
    private Task _pumpTask = Task.CompletedTask;
    private Task _tickTask = Task.CompletedTask;
    private int _nextPort;

    private TerminalAgent(TerminalOptions options, TimeProvider time, SipTransportLayer transport)
    {
        _options = options;
        _time = time;
        _transport = transport;
        _local = transport.LocalEndpoints[0].EndPoint;
        _layer = new TransactionLayer(time, new Sink(this), useAcceptedState: true);
        _digest = options.Password is null ? null : DigestClient.FromPassword(options.User, options.Password);
        _stats = new TerminalStats(options.User, false, []);
        _nextPort = options.RtpPortBase;
    }

    /// <summary>The agent's events, in order. One reader (the JSON writer, a test or the demo).</summary>
    public ChannelReader<TerminalEvent> Events => _events.Reader;

    /// <summary>Where the agent receives SIP.</summary>
    public IPEndPoint SipEndPoint => _local;

    /// <summary>The agent's configuration.</summary>
    public TerminalOptions Options => _options;

    /// <summary>The AOR: sip:user@domain.</summary>
    public string Aor => $"sip:{_options.User}@{Domain}";

    /// <summary>The URI others can call this agent on directly: sip:user@ip:port.</summary>
    public string ContactUri => $"sip:{_options.User}@{HostPort(_local)}";

    private string Domain => _options.Domain ?? (_options.Registrar is { } r ? HostPort(r) : HostPort(_local));

    /// <summary>Binds the SIP socket and starts the loop; registers when a registrar is configured (see <see cref="RegisterAsync"/>).</summary>
    public static async Task<TerminalAgent> StartAsync(TerminalOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.User);
        time ??= TimeProvider.System;
        var endpoint = new SipListenEndpoint(SipTransportKind.Udp, new IPEndPoint(options.LocalAddress, options.SipPort));
        var transport = await SipTransportLayer.StartAsync([endpoint], new SipTransportOptions(), time).ConfigureAwait(false);
        var agent = new TerminalAgent(options, time, transport);
        agent._loopTask = Task.Run(agent.RunLoop);
        agent._pumpTask = Task.Run(agent.PumpInbound);
        agent._tickTask = Task.Run(agent.Ticker);
        return agent;
    }

    /// <summary>A snapshot of registration, calls and media statistics; safe from any thread.</summary>
    public TerminalStats GetStats()
    {
        var stats = Volatile.Read(ref _stats);
        return stats with { Calls = stats.Calls.Select(c => c with { Streams = Streams(c.CallId) }).ToArray() };
    }

    /// <summary>Unregisters (when registered), hangs up every call and closes sockets.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        try
        {
            await InvokeAsync(HangupAll).WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
            if (Volatile.Read(ref _stats).Registered)
            {
                await UnregisterAsync().WaitAsync(TimeSpan.FromSeconds(3)).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException or ChannelClosedException)
        {
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        _work.Writer.TryComplete();
        await _transport.DisposeAsync().ConfigureAwait(false);
        await Task.WhenAll(_loopTask, _pumpTask, _tickTask).ConfigureAwait(false);
        foreach (var call in _calls.Values)
        {
            await call.Media.DisposeAsync().ConfigureAwait(false);
        }

        _calls.Clear();
        _events.Writer.TryComplete();
        _stop.Dispose();
    }

    private Task InvokeAsync(Action action) => InvokeAsync(() =>
    {
        action();
        return true;
    });

    private Task<T> InvokeAsync<T>(Func<T> function)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_work.Writer.TryWrite(() =>
        {
            try
            {
                done.TrySetResult(function());
            }
            catch (Exception e)
            {
                done.TrySetException(e);
            }
        }))
        {
            done.TrySetException(new InvalidOperationException("the terminal is stopped or overloaded"));
        }

        return done.Task;
    }

    private async Task RunLoop()
    {
        await foreach (var work in _work.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                work();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or IndexOutOfRangeException or System.Net.Sockets.SocketException)
            {
                // one bad message or timer must not stop the terminal: report it and go on
                Emit(new TerminalErrorEvent(_time.GetUtcNow(), e.GetType().Name + ": " + e.Message));
            }
        }
    }

    private async Task PumpInbound()
    {
        try
        {
            await foreach (var packet in _transport.Inbound.ReadAllAsync(_stop.Token).ConfigureAwait(false))
            {
                await _work.Writer.WriteAsync(() => OnPacket(packet), _stop.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
        }
    }

    private async Task Ticker()
    {
        try
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50), _time);
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                _work.Writer.TryWrite(OnTick);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Emit(TerminalEvent e) => _events.Writer.TryWrite(e);

    private void Publish(bool? registered = null)
    {
        var calls = _calls.Values.Select(c => new CallStats(c.CallId, c.Direction, c.Peer, c.State, [])).ToArray();
        var previous = Volatile.Read(ref _stats);
        Volatile.Write(ref _stats, previous with { Registered = registered ?? previous.Registered, Calls = calls });
        Volatile.Write(ref _media, _calls.ToDictionary(c => c.Key, c => c.Value.Media));
    }

    private Dictionary<string, CallMedia> _media = [];

    private IReadOnlyList<StreamStats> Streams(string callId) =>
        Volatile.Read(ref _media).TryGetValue(callId, out var media) ? media.GetStats() : [];

    private int NextPortBase()
    {
        if (_options.RtpPortBase == 0)
        {
            return 0;
        }

        var port = _nextPort;
        _nextPort += 4;
        if (_nextPort > 65000)
        {
            _nextPort = _options.RtpPortBase;
        }

        return port;
    }

    private MediaStreamOptions StreamOptions() => new(_options.ToneHz, _options.ToneCandidates, _options.VideoFps, _options.KeyFrameInterval, _options.RtcpInterval, _time);

    private static string HostPort(IPEndPoint endpoint) =>
        endpoint.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{endpoint.Address}]:{endpoint.Port}" : $"{endpoint.Address}:{endpoint.Port}";
}
