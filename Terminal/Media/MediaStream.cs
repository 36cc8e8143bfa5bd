using System.Net;
using System.Net.Sockets;
using CallCluster.Sip.Codecs;
using CallCluster.Sip.Rtp;
using CallCluster.Sip.Rtp.Payloads;

namespace CallCluster.Terminal.Media;

/// <summary>
/// One RTP stream (audio or video) of a call on one UDP socket with RTCP multiplexed (RFC 5761).
/// Sends a tone (audio, every 20 ms) or a synthetic test pattern (video), receives RTP and RTCP,
/// keeps reception statistics and detects tones. Its tasks (send, receive, RTCP) own their
/// state; other threads see only published snapshots and interlocked counters.
/// </summary>
public sealed partial class MediaStream : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly CancellationTokenSource _stop = new();
    private readonly StreamCounters _counters = new();
    private readonly MediaStreamOptions _options;
    private readonly uint _ssrc = (uint)Random.Shared.NextInt64(1, uint.MaxValue);
    private StreamSettings? _settings;
    private StreamStats _snapshot;
    private int _keyFrameRequested;
    private uint _lastTimestamp;
    private readonly List<Task> _tasks = [];

    private MediaStream(string media, Socket socket, MediaStreamOptions options)
    {
        Media = media;
        _socket = socket;
        _options = options;
        LocalPort = ((IPEndPoint)socket.LocalEndPoint!).Port;
        _snapshot = new StreamStats(media, "", LocalPort, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, [], []);
    }

    /// <summary>"audio" or "video".</summary>
    public string Media { get; }

    /// <summary>The local RTP (and RTCP) port.</summary>
    public int LocalPort { get; }

    /// <summary>This stream's SSRC.</summary>
    public uint Ssrc => _ssrc;

    /// <summary>
    /// Opens a socket on <paramref name="address"/>: on <paramref name="port"/> (0 for any), or
    /// when that port is busy, on the next even ports up to 100 tries.
    /// </summary>
    public static MediaStream Open(string media, IPAddress address, int port, MediaStreamOptions options)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var candidate = port == 0 ? 0 : port + (2 * attempt);
            if (candidate > IPEndPoint.MaxPort)
            {
                break;
            }

            var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                socket.Bind(new IPEndPoint(address, candidate));
                return new MediaStream(media, socket, options);
            }
            catch (SocketException) when (port != 0)
            {
                socket.Dispose();
            }
        }

        throw new InvalidOperationException($"no free RTP port from {port}");
    }

    /// <summary>Statistics as of now.</summary>
    public StreamStats GetStats() => Volatile.Read(ref _snapshot) with
    {
        PacketsSent = Interlocked.Read(ref _counters.PacketsSent),
        KeyFramesSent = Interlocked.Read(ref _counters.KeyFramesSent),
        KeyFramesReceived = Interlocked.Read(ref _counters.KeyFramesReceived),
        KeyFrameRequests = Interlocked.Read(ref _counters.KeyFrameRequestsReceived),
        RtcpSent = Interlocked.Read(ref _counters.RtcpSent),
        RtcpReceived = Interlocked.Read(ref _counters.RtcpReceived),
        Remote = Volatile.Read(ref _settings)?.RemoteRtp?.ToString(),
        Codec = Volatile.Read(ref _settings)?.EncodingName ?? "",
    };

    /// <summary>Applies (or changes, after a re-INVITE) the negotiated settings; starts the tasks on first call.</summary>
    public void Apply(StreamSettings settings)
    {
        Volatile.Write(ref _settings, settings);
        if (_tasks.Count == 0)
        {
            _tasks.Add(Task.Run(() => ReceiveLoop(_stop.Token)));
            _tasks.Add(Task.Run(() => SendLoop(_stop.Token)));
            _tasks.Add(Task.Run(() => RtcpLoop(_stop.Token)));
        }
    }

    /// <summary>Asks the video sender for a key frame (as a received PLI or FIR does).</summary>
    public void RequestKeyFrame() => Interlocked.Exchange(ref _keyFrameRequested, 1);

    /// <summary>Stops the tasks and closes the socket.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        try
        {
            await Task.WhenAll(_tasks).WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task SendLoop(CancellationToken token)
    {
        try
        {
            if (Media == "audio")
            {
                await SendAudio(token).ConfigureAwait(false);
            }
            else
            {
                await SendVideo(token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task SendAudio(CancellationToken token)
    {
        var tone = new ToneGenerator(_options.ToneHz);
        var samples = new short[160];
        var payload = new byte[160];
        var packet = new byte[RtpHeader.FixedLength + 160];
        ushort sequence = (ushort)Random.Shared.Next(ushort.MaxValue);
        uint timestamp = (uint)Random.Shared.NextInt64(uint.MaxValue);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20), _options.Time);
        while (await timer.WaitForNextTickAsync(token).ConfigureAwait(false))
        {
            tone.Fill(samples);
            timestamp += 160;
            if (Volatile.Read(ref _settings) is not { Send: true, RemoteRtp: { } remote } s)
            {
                continue;
            }

            Volatile.Write(ref _lastTimestamp, timestamp);
            var law = s.EncodingName.Equals("PCMA", StringComparison.OrdinalIgnoreCase) ? G711Law.ALaw : G711Law.MuLaw;
            G711.Encode(law, samples, payload);
            var header = new RtpHeader((byte)s.PayloadType, sequence++, timestamp, _ssrc);
            RtpPacket.TryWrite(packet, header, payload, out var written);
            await SendPacket(packet.AsMemory(0, written), remote, 160, token).ConfigureAwait(false);
        }
    }

    private async Task SendVideo(CancellationToken token)
    {
        IVideoPayloadSource? source = null;
        ushort sequence = (ushort)Random.Shared.Next(ushort.MaxValue);
        uint timestamp = (uint)Random.Shared.NextInt64(uint.MaxValue);
        var fps = Math.Clamp(_options.VideoFps, 1, 60);
        var frame = 0;
        var packet = new byte[1500];
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(1000.0 / fps), _options.Time);
        while (await timer.WaitForNextTickAsync(token).ConfigureAwait(false))
        {
            timestamp += (uint)(90000 / fps);
            if (Volatile.Read(ref _settings) is not { Send: true, RemoteRtp: { } remote } s)
            {
                continue;
            }

            Volatile.Write(ref _lastTimestamp, timestamp);
            if (source is null || !source.EncodingName.Equals(s.EncodingName, StringComparison.OrdinalIgnoreCase))
            {
                source = s.EncodingName.Equals("H264", StringComparison.OrdinalIgnoreCase) ? new H264PayloadSource() : new Vp8PayloadSource();
                frame = 0;
            }

            var key = frame % Math.Max(1, _options.KeyFrameInterval) == 0 || Interlocked.Exchange(ref _keyFrameRequested, 0) == 1;
            frame = key ? 1 : frame + 1;
            var payloads = source.NextFrame(key);
            for (var i = 0; i < payloads.Count; i++)
            {
                var header = new RtpHeader((byte)s.PayloadType, sequence++, timestamp, _ssrc, marker: i == payloads.Count - 1);
                if (RtpPacket.TryWrite(packet, header, payloads[i], out var written))
                {
                    await SendPacket(packet.AsMemory(0, written), remote, payloads[i].Length, token).ConfigureAwait(false);
                }
            }

            if (key)
            {
                Interlocked.Increment(ref _counters.KeyFramesSent);
            }
        }
    }

    private async Task SendPacket(ReadOnlyMemory<byte> packet, IPEndPoint remote, int payloadLength, CancellationToken token)
    {
        try
        {
            await _socket.SendToAsync(packet, SocketFlags.None, remote, token).ConfigureAwait(false);
            Interlocked.Increment(ref _counters.PacketsSent);
            Interlocked.Add(ref _counters.OctetsSent, payloadLength);
        }
        catch (SocketException)
        {
            // an unreachable peer (ICMP) must not stop the stream
        }
    }
}
