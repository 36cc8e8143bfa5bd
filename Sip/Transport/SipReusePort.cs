using System.Net.Sockets;

namespace CallCluster.Sip.Transport;

/// <summary>
/// SO_REUSEPORT on listening sockets, so several processes can bind one SIP address and the
/// kernel spreads (and, when one exits, hands over) the traffic between them.
/// </summary>
internal static class SipReusePort
{
    private const int LinuxSolSocket = 1;
    private const int LinuxSoReusePort = 15;

    /// <summary>Sets SO_REUSEPORT on <paramref name="socket"/> before it is bound; only Linux is supported.</summary>
    public static void Apply(Socket socket)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("SipTransportOptions.ReusePort needs Linux (SO_REUSEPORT).");
        }
        socket.SetRawSocketOption(LinuxSolSocket, LinuxSoReusePort, BitConverter.GetBytes(1));
    }
}
