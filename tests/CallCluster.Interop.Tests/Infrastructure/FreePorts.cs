using System.Net;
using System.Net.Sockets;

namespace CallCluster.Interop.Tests.Infrastructure;

/// <summary>Ports that were free a moment ago on a loopback address (bound to port 0, then released).</summary>
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

    public static int Udp(string address = "127.0.0.1")
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Parse(address), 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
