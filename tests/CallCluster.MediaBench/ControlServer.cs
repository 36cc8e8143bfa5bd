using System.Globalization;
using System.Net;
using System.Net.Sockets;
using CallCluster.Actors.MediaProtocol;
using CallCluster.Actors.Serialization;
using CallCluster.Media.Node;

namespace CallCluster.MediaBench;

/// <summary>
/// The <c>serve</c> mode: a <see cref="MediaNode"/> in this process, set up over a line-based TCP
/// control on loopback, one connection at a time (the node is owned by this thread). Requests:
/// <c>relay ID PORTA PORTB</c> → <c>ok PA PB</c> (A sends to PA, B to PB; a bridge forwarding PCMU
/// undecoded), <c>mix ID P1 P2 P3</c> → <c>ok X Y Z</c>, <c>ticks</c> → <c>ok TICKS MISSED LATE GEN0-COLLECTIONS</c>,
/// <c>release</c> → <c>ok SESSIONS</c>, <c>shutdown</c>. Anything else → <c>error REASON</c>.
/// </summary>
public sealed class ControlServer(MediaNode node, int controlPort)
{
    private const int MaxLine = 256;
    private readonly HashSet<string> sessions = new(StringComparer.Ordinal);

    /// <summary>Serves until a <c>shutdown</c> request.</summary>
    public void Run()
    {
        var listener = new TcpListener(IPAddress.Loopback, controlPort);
        listener.Start();
        Console.WriteLine($"media-bench serve: control 127.0.0.1:{controlPort}, ports {node.Settings.PortRangeStart}-{node.Settings.PortRangeEnd}, {node.Loops.Count} mixing loop(s), {Environment.ProcessorCount} core(s) visible");
        try
        {
            bool running = true;
            while (running)
            {
                using var client = listener.AcceptTcpClient();
                using var stream = client.GetStream();
                using var reader = new StreamReader(stream);
                using var writer = new StreamWriter(stream) { AutoFlush = true, NewLine = "\n" };
                while (reader.ReadLine() is { } line)
                {
                    if (line.Length > MaxLine)
                    {
                        writer.WriteLine("error line too long");
                        break;
                    }

                    if (line.Trim() == "shutdown")
                    {
                        writer.WriteLine("ok");
                        running = false;
                        break;
                    }

                    writer.WriteLine(Handle(line));
                }
            }
        }
        finally
        {
            listener.Stop();
            ReleaseAll();
        }
    }

    private string Handle(string line)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        try
        {
            return words switch
            {
                ["relay", var id, var a, var b] => Relay(id, Port(a), Port(b)),
                ["mix", var id, var p1, var p2, var p3] => Mix(id, [Port(p1), Port(p2), Port(p3)]),
                ["ticks"] => $"ok {node.Loops.Sum(l => l.Ticks)} {node.Loops.Sum(l => l.MissedTicks)} {node.Loops.Sum(l => l.LateTicks)} {GC.CollectionCount(0)}",
                ["release"] => $"ok {ReleaseAll()}",
                _ => "error unknown request",
            };
        }
        catch (FormatException e)
        {
            return "error " + e.Message;
        }
        catch (InvalidOperationException e)
        {
            return "error " + e.Message;
        }
    }

    private string Relay(string id, int portA, int portB)
    {
        string session = "relay-" + id;
        var a = Endpoint(session, "a", portA);
        var b = Endpoint(session, "b", portB);
        Require(node.TransferToBridge(new TransferToBridge(session, a.EndpointId, b.EndpointId)));
        return $"ok {a.Streams[0].RtpPort} {b.Streams[0].RtpPort}";
    }

    private string Mix(string id, int[] ports)
    {
        string session = "mix-" + id;
        var members = ports.Select((port, i) => Endpoint(session, $"p{i}", port)).ToList();
        Require(node.CreateMix(new CreateMix(session, [.. members.Select(m => m.EndpointId)], [])));
        return "ok " + string.Join(' ', members.Select(m => m.Streams[0].RtpPort));
    }

    private EndpointAllocated Endpoint(string session, string leg, int port)
    {
        sessions.Add(session);
        var reply = node.Allocate(new AllocateEndpoint(session, leg, leg, [new MediaStreamRequest(MediaKind.Audio, [CodecSpec.Pcmu])]));
        if (reply is not EndpointAllocated allocated)
        {
            throw new InvalidOperationException((reply as AllocationFailed)?.Reason ?? "allocation failed");
        }

        Require(node.Configure(new ConfigureEndpoint(session, allocated.EndpointId,
            [new StreamConfiguration(MediaKind.Audio, "127.0.0.1", port, port + 1, [CodecSpec.Pcmu])])));
        return allocated;
    }

    private int ReleaseAll()
    {
        foreach (var session in sessions)
        {
            node.Release(new ReleaseSession(session));
        }

        int count = sessions.Count;
        sessions.Clear();
        return count;
    }

    private static int Port(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int port) && port is > 0 and < 65535
            ? port
            : throw new FormatException($"'{text}' is not a port");

    private static void Require(ICallClusterMessage reply)
    {
        if (reply is MediaCommandFailed failed)
        {
            throw new InvalidOperationException(failed.Reason);
        }
    }
}
