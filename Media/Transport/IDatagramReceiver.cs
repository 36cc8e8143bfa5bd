using System.Net;

namespace CallCluster.Media.Transport;

/// <summary>Gets the datagrams of a <see cref="UdpChannel"/>, on the channel's receive loop, one at a time.</summary>
public interface IDatagramReceiver
{
    /// <summary>One datagram; <paramref name="data"/> and <paramref name="from"/> are valid only during the call.</summary>
    void OnDatagram(UdpChannel channel, Span<byte> data, SocketAddress from);
}
