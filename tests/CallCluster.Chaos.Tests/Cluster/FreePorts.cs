using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace CallCluster.Chaos.Tests.Cluster;

/// <summary>
/// Loopback ports that were free a moment ago. Listening ports are taken from 10000-19999, below
/// the kernel's ephemeral range (32768-60999) and the product's default RTP range: a port handed
/// out by binding to port 0 is an ephemeral one, and nodes start one after another, so an
/// outgoing connection (cluster associations, probes, the journal's pool) could take it before
/// the node that was meant to listen on it starts. A port is handed out once per test run.
/// </summary>
public static class FreePorts
{
    private static readonly ConcurrentDictionary<int, bool> HandedOut = new();

    public static int Tcp()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(10000, 20000);
            if (!HandedOut.TryAdd(port, true))
            {
                continue;
            }

            try
            {
                var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                listener.Stop();
                return port;
            }
            catch (SocketException)
            {
                // in use: try another
            }
        }
        throw new InvalidOperationException("no free TCP port found in 10000-19999");
    }

    /// <summary>A port free for both TCP and UDP (a SIP listener binds both).</summary>
    public static int TcpAndUdp()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var port = Tcp();
            try
            {
                using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException)
            {
                // UDP side taken: try another
            }
        }
        throw new InvalidOperationException("no port free for both TCP and UDP found");
    }

    /// <summary>A free UDP port whose next <paramref name="count"/> - 1 neighbours are free too (for an RTP range).</summary>
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
}
