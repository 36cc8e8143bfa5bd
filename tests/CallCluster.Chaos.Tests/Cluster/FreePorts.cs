using System.Net;
using System.Net.Sockets;

namespace CallCluster.Chaos.Tests.Cluster;

/// <summary>Loopback ports that were free a moment ago (bound to port 0, then released).</summary>
public static class FreePorts
{
    public static int Tcp()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
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
