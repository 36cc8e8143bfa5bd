using System.Net;
using System.Net.Sockets;

namespace CallCluster.Actors.Membership;

/// <summary>What a TCP connection attempt to a member's cluster port found.</summary>
public enum PortProbeOutcome
{
    /// <summary>The host answered with a reset: nothing listens there, so that member's process is gone.</summary>
    Refused,

    /// <summary>Something accepted the connection: the process (or a new one on the same port) is there.</summary>
    Listening,

    /// <summary>No answer within the timeout, or the name did not resolve: nothing can be concluded.</summary>
    NoAnswer,
}

/// <summary>Tries one TCP connection to a member's cluster endpoint.</summary>
public interface IPortProbe
{
    Task<PortProbeOutcome> ProbeAsync(string host, int port, TimeSpan timeout);
}

/// <summary>
/// A plain TCP connect to every address the host resolves to. Only a reset (connection refused)
/// from each of them counts as <see cref="PortProbeOutcome.Refused"/>; a silent network (dropped
/// packets, a host that is down, a name that does not resolve) is <see cref="PortProbeOutcome.NoAnswer"/>,
/// which leaves the decision to the failure detector.
/// </summary>
public sealed class TcpPortProbe : IPortProbe
{
    public async Task<PortProbeOutcome> ProbeAsync(string host, int port, TimeSpan timeout)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        using var cancel = new CancellationTokenSource(timeout);
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(host, out var literal)
                ? [literal]
                : await Dns.GetHostAddressesAsync(host, cancel.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return PortProbeOutcome.NoAnswer;
        }

        var refused = 0;
        foreach (var address in addresses)
        {
            switch (await ConnectAsync(new IPEndPoint(address, port), cancel.Token).ConfigureAwait(false))
            {
                case PortProbeOutcome.Listening:
                    return PortProbeOutcome.Listening;
                case PortProbeOutcome.Refused:
                    refused++;
                    break;
            }
        }

        return addresses.Length > 0 && refused == addresses.Length ? PortProbeOutcome.Refused : PortProbeOutcome.NoAnswer;
    }

    private static async Task<PortProbeOutcome> ConnectAsync(IPEndPoint endPoint, CancellationToken cancellationToken)
    {
        try
        {
            using var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
            return PortProbeOutcome.Listening;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return PortProbeOutcome.Refused;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return PortProbeOutcome.NoAnswer;
        }
    }
}
