using System.Net;
using System.Net.Sockets;

namespace CallCluster.Interop.Tests.Baresip;

/// <summary>
/// A SIP port for baresip on 127.0.0.1: baresip binds UDP and TCP on the port and TLS on the
/// next one, so all three must be free a moment ago (bound, then released).
/// </summary>
public static class BaresipPorts
{
    public static int Sip()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)udp.LocalEndPoint!).Port;
            if (port < 65535 && TcpFree(port) && TcpFree(port + 1))
            {
                return port;
            }
        }
        throw new InvalidOperationException("no free UDP/TCP port pair on 127.0.0.1 in 200 attempts");
    }

    private static bool TcpFree(int port)
    {
        using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            tcp.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
