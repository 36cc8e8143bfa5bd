using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace CallCluster.Interop.Tests.Baresip;

/// <summary>An event baresip's ctrl_tcp module reported (e.g. CALL_ESTABLISHED, CALL_CLOSED).</summary>
public sealed record BaresipEvent(string Type, string Direction, string CallId, string PeerUri, string Param);

/// <summary>
/// A client of baresip's ctrl_tcp module on loopback: netstring-framed JSON
/// (<c>len:{"command":..,"params":..,"token":..},</c>). Commands are answered by a response with
/// the same token; events are kept (up to 10,000) for <see cref="WaitForEventAsync"/>. Frames are bounded.
/// </summary>
public sealed class CtrlTcpClient : IAsyncDisposable
{
    private const int MaxFrame = 1_000_000;
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly Channel<JsonElement> _responses = Channel.CreateUnbounded<JsonElement>();
    private readonly Lock _gate = new();
    private readonly List<BaresipEvent> _events = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;
    private int _token;

    private CtrlTcpClient(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        _reader = Task.Run(ReadLoopAsync);
    }

    /// <summary>Connects to 127.0.0.1:<paramref name="port"/>, retrying until baresip listens or <paramref name="within"/> passes.</summary>
    public static async Task<CtrlTcpClient> ConnectAsync(int port, TimeSpan within, Func<bool> processExited)
    {
        var deadline = DateTime.UtcNow + within;
        SocketException? last = null;
        while (DateTime.UtcNow < deadline && !processExited())
        {
            var tcp = new TcpClient(AddressFamily.InterNetwork);
            try
            {
                await tcp.ConnectAsync(IPAddress.Loopback, port);
                return new CtrlTcpClient(tcp);
            }
            catch (SocketException e)
            {
                tcp.Dispose();
                last = e;
                await Task.Delay(100);
            }
        }
        throw new InvalidOperationException($"baresip ctrl_tcp on 127.0.0.1:{port} not reachable within {within}: {last?.Message ?? "process exited"}");
    }

    /// <summary>Sends a command and returns its response's <c>data</c>; throws when baresip answers ok=false or not at all.</summary>
    public async Task<string> CommandAsync(string command, string parameters = "", TimeSpan? within = null)
    {
        var token = $"t{Interlocked.Increment(ref _token)}";
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
        {
            ["command"] = command,
            ["params"] = parameters,
            ["token"] = token,
        });
        var frame = new List<byte>(body.Length + 12);
        frame.AddRange(Encoding.ASCII.GetBytes($"{body.Length}:"));
        frame.AddRange(body);
        frame.Add((byte)',');
        await _stream.WriteAsync(frame.ToArray());

        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(10));
        for (var i = 0; i < 100; i++)
        {
            var response = await _responses.Reader.ReadAsync(timeout.Token);
            if (response.TryGetProperty("token", out var t) && t.GetString() == token)
            {
                var data = response.TryGetProperty("data", out var d) ? d.GetString() ?? "" : "";
                var ok = response.TryGetProperty("ok", out var o) && o.ValueKind == JsonValueKind.True;
                return ok ? data : throw new InvalidOperationException($"baresip refused '{command} {parameters}': {data}");
            }
        }
        throw new InvalidOperationException($"no response to '{command}' among 100");
    }

    /// <summary>Every event so far, oldest first.</summary>
    public IReadOnlyList<BaresipEvent> Events
    {
        get { lock (_gate) { return [.. _events]; } }
    }

    /// <summary>The first event so far or within <paramref name="within"/> matching <paramref name="match"/>, or null.</summary>
    public async Task<BaresipEvent?> WaitForEventAsync(Func<BaresipEvent, bool> match, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var found = Events.FirstOrDefault(match);
            if (found is not null || DateTime.UtcNow >= deadline)
            {
                return found;
            }
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _tcp.Dispose();
        try
        {
            await _reader;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or SocketException or InvalidDataException or JsonException)
        {
        }
        _stop.Dispose();
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new List<byte>();
        var chunk = new byte[16 * 1024];
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var read = await _stream.ReadAsync(chunk, _stop.Token);
                if (read == 0)
                {
                    break;
                }
                buffer.AddRange(chunk.AsSpan(0, read));
                while (TryTakeFrame(buffer, out var frame))
                {
                    Dispatch(frame);
                }
                if (buffer.Count > MaxFrame)
                {
                    throw new InvalidDataException("ctrl_tcp frame larger than 1 MB");
                }
            }
        }
        finally
        {
            _responses.Writer.TryComplete();
        }
    }

    private static bool TryTakeFrame(List<byte> buffer, out byte[] frame)
    {
        frame = [];
        var colon = buffer.IndexOf((byte)':');
        if (colon <= 0)
        {
            return false;
        }
        if (!int.TryParse(Encoding.ASCII.GetString(buffer.GetRange(0, colon).ToArray()), out var length) || length < 0 || length > MaxFrame)
        {
            throw new InvalidDataException("ctrl_tcp sent a malformed netstring length");
        }
        if (buffer.Count < colon + 1 + length + 1)
        {
            return false;
        }
        frame = buffer.GetRange(colon + 1, length).ToArray();
        buffer.RemoveRange(0, colon + 1 + length + 1);
        return true;
    }

    private void Dispatch(byte[] frame)
    {
        using var document = JsonDocument.Parse(frame);
        var root = document.RootElement;
        if (root.TryGetProperty("event", out var e) && e.ValueKind == JsonValueKind.True)
        {
            var next = new BaresipEvent(Text(root, "type"), Text(root, "direction"), Text(root, "id"), Text(root, "peeruri"), Text(root, "param"));
            lock (_gate)
            {
                if (_events.Count < 10_000)
                {
                    _events.Add(next);
                }
            }
        }
        else if (root.TryGetProperty("response", out var r) && r.ValueKind == JsonValueKind.True)
        {
            _responses.Writer.TryWrite(root.Clone());
        }
    }

    private static string Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";
}
