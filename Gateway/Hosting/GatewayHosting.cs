using Akka.Actor;
using CallCluster.Gateway.Core;
using CallCluster.Gateway.Wire;
using CallCluster.Sip.Transport;

namespace CallCluster.Gateway.Hosting;

/// <summary>What <see cref="GatewayHosting.StartAsync"/> started.</summary>
/// <param name="Gateway">The gateway actor (it also accepts ISipEffect directly).</param>
/// <param name="Outbox">The outbox given to session entities.</param>
/// <param name="Metrics">SIP counters for /metrics.</param>
/// <param name="LocalEndpoints">The bound sockets (ports chosen when 0 was asked).</param>
/// <param name="Advertised">The address in our Contact and Via headers.</param>
public sealed record GatewayHandle(
    IActorRef Gateway,
    IActorRef Outbox,
    IGatewayMetrics Metrics,
    IReadOnlyList<SipListenEndpoint> LocalEndpoints,
    ClusterAddress Advertised);

/// <summary>The entry point of the gateway role on a node.</summary>
public static class GatewayHosting
{
    public const string OutboxName = "sip-outbox";
    public const string GatewayName = "sip-gateway";

    /// <summary>Creates the outbox (step 1, before the session region is started with it).</summary>
    public static IActorRef CreateOutbox(ActorSystem system) => system.ActorOf(GatewayOutbox.Props(GatewayNode.TokenOf(system)), OutboxName);

    /// <summary>
    /// Binds <see cref="GatewaySettings.Listen"/>, starts the gateway actor with
    /// <paramref name="ports"/> and attaches it to <paramref name="outbox"/> (step 2, once the
    /// regions exist). Bind failures throw.
    /// </summary>
    public static async Task<GatewayHandle> StartAsync(ActorSystem system, GatewaySettings settings, GatewayPorts ports, IActorRef outbox)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(ports);
        var transport = await SipTransportLayer.StartAsync(settings.Listen, new SipTransportOptions { ReusePort = settings.ReusePort }, TimeProvider.System).ConfigureAwait(false);
        var bound = transport.LocalEndpoints;
        var first = bound.Count > 0 ? bound[0].EndPoint : new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 5060);
        var address = new ClusterAddress(settings.AdvertisedHost ?? Reachable(first.Address).ToString(), settings.AdvertisedPort ?? first.Port);
        var metrics = new GatewayMetrics();
        var gateway = system.ActorOf(GatewayActor.Props(settings, ports, transport, metrics, address, GatewayNode.TokenOf(system)), GatewayName);
        outbox.Tell(new GatewayOutbox.Attach(gateway));
        return new GatewayHandle(gateway, outbox, metrics, bound, address);
    }

    /// <summary>A wildcard bind (0.0.0.0, ::) is no address to hand out: use the host's first non-loopback address of that family.</summary>
    private static System.Net.IPAddress Reachable(System.Net.IPAddress bound)
    {
        if (!bound.Equals(System.Net.IPAddress.Any) && !bound.Equals(System.Net.IPAddress.IPv6Any))
        {
            return bound;
        }

        try
        {
            return System.Net.Dns.GetHostAddresses(System.Net.Dns.GetHostName())
                .FirstOrDefault(a => a.AddressFamily == bound.AddressFamily && !System.Net.IPAddress.IsLoopback(a))
                ?? (bound.Equals(System.Net.IPAddress.Any) ? System.Net.IPAddress.Loopback : System.Net.IPAddress.IPv6Loopback);
        }
        catch (System.Net.Sockets.SocketException)
        {
            return bound.Equals(System.Net.IPAddress.Any) ? System.Net.IPAddress.Loopback : System.Net.IPAddress.IPv6Loopback;
        }
    }
}
