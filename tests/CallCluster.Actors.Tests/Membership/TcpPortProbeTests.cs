using System.Net;
using System.Net.Sockets;
using CallCluster.Actors.Membership;

namespace CallCluster.Actors.Tests.Membership;

public sealed class TcpPortProbeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task A_port_with_a_listener_is_listening()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        Assert.Equal(PortProbeOutcome.Listening, await new TcpPortProbe().ProbeAsync("127.0.0.1", port, Timeout));
    }

    [Fact]
    public async Task A_port_whose_listener_has_gone_refuses()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        Assert.Equal(PortProbeOutcome.Refused, await new TcpPortProbe().ProbeAsync("127.0.0.1", port, Timeout));
    }

    [Fact]
    public async Task A_host_name_is_resolved_first()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        Assert.Equal(PortProbeOutcome.Listening, await new TcpPortProbe().ProbeAsync("localhost", port, Timeout));
    }
}
