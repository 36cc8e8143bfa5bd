using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace CallCluster.TestSupport;

/// <summary>
/// Loopback ports that were free a moment ago. Listening ports are taken from 10000-19999, below
/// the kernel's ephemeral range (32768-60999) and the product's default RTP range: a port handed
/// out by binding to port 0 is an ephemeral one, so an outgoing connection (cluster associations,
/// probes, the journal's pool) or a client socket could take it before the process that was meant
/// to listen on it starts. A port is handed out once per test run.
/// </summary>
public static class FreePorts
{
    private const int First = 10000;
    private const int End = 20000;
    private static readonly ConcurrentDictionary<int, bool> HandedOut = new();

    public static int Tcp() => Find("TCP", port =>
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        listener.Stop();
    });

    /// <summary>A UDP port free on <paramref name="address"/> (a loopback address).</summary>
    public static int Udp(string address = "127.0.0.1") => Find("UDP", port =>
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Parse(address), port));
    });

    /// <summary>A port free for both TCP and UDP (a SIP listener binds both).</summary>
    public static int TcpAndUdp() => Find("TCP and UDP", port =>
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        listener.Stop();
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
    });

    /// <summary>A free UDP port whose next <paramref name="count"/> - 1 neighbours are free too (for an RTP range), from 30000-59999.</summary>
    public static int UdpRange(int count)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var start = Random.Shared.Next(30000, 60000 - count);
            var sockets = new List<Socket>();
            try
            {
                for (var p = start; p < start + count; p++)
                {
                    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                    sockets.Add(socket);
                    socket.Bind(new IPEndPoint(IPAddress.Loopback, p));
                }
                return start;
            }
            catch (SocketException)
            {
                // taken: try another start
            }
            finally
            {
                sockets.ForEach(s => s.Dispose());
            }
        }
        throw new InvalidOperationException($"no run of {count} free UDP ports found");
    }

    /// <summary>A port not handed out before on which <paramref name="bind"/> succeeds.</summary>
    private static int Find(string what, Action<int> bind)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(First, End);
            if (!HandedOut.TryAdd(port, true))
            {
                continue;
            }

            try
            {
                bind(port);
                return port;
            }
            catch (SocketException)
            {
                // in use: try another
            }
        }
        throw new InvalidOperationException($"no free {what} port found in {First}-{End - 1}");
    }
}
