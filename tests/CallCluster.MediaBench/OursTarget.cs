using System.Globalization;
using System.Net.Sockets;

namespace CallCluster.MediaBench;

/// <summary>Our media node in a <c>serve</c> process, set up over its line-based TCP control.</summary>
public sealed class OursTarget : IMediaTarget
{
    private readonly TcpClient client;
    private readonly StreamReader reader;
    private readonly StreamWriter writer;
    private readonly string run = Guid.NewGuid().ToString("N")[..8];

    public OursTarget(int controlPort)
    {
        client = new TcpClient();
        try
        {
            client.Connect("127.0.0.1", controlPort);
        }
        catch (SocketException e)
        {
            client.Dispose();
            throw new InvalidOperationException($"no media-bench serve on 127.0.0.1:{controlPort} ({e.SocketErrorCode})", e);
        }

        client.ReceiveTimeout = 30_000;
        var stream = client.GetStream();
        reader = new StreamReader(stream);
        writer = new StreamWriter(stream) { AutoFlush = true, NewLine = "\n" };
    }

    public string Name => "ours";

    public (int SendToFromA, int SendToFromB) CreateRelay(int call, int portA, int portB)
    {
        var ports = Request($"relay {run}-{call} {portA} {portB}");
        return ports.Length == 2 ? (ports[0], ports[1]) : throw new FormatException("relay reply needs two ports");
    }

    public IReadOnlyList<int> CreateMix(int mix, IReadOnlyList<int> participantPorts)
    {
        var ports = Request($"mix {run}-{mix} {string.Join(' ', participantPorts)}");
        return ports.Length == participantPorts.Count ? ports : throw new FormatException("mix reply needs one port per participant");
    }

    public (long Ticks, long Missed, long Late, long Gen0)? MixTicks()
    {
        var counters = RequestLongs("ticks");
        return counters.Length == 4 ? (counters[0], counters[1], counters[2], counters[3]) : throw new FormatException("ticks reply needs four counters");
    }

    public void ReleaseAll() => Request("release");

    public void Dispose()
    {
        try
        {
            ReleaseAll();
        }
        catch (IOException)
        {
        }

        client.Dispose();
    }

    private long[] RequestLongs(string line)
    {
        writer.WriteLine(line);
        string reply = reader.ReadLine() ?? throw new InvalidOperationException("media-bench serve closed the control connection");
        var words = reply.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words is not ["ok", ..])
        {
            throw new InvalidOperationException($"media-bench serve refused '{line}': {reply}");
        }

        return [.. words.Skip(1).Select(w => long.Parse(w, NumberStyles.None, CultureInfo.InvariantCulture))];
    }

    private int[] Request(string line) => [.. RequestLongs(line).Select(v => checked((int)v))];
}
