using System.Net;
using System.Threading.Channels;

namespace CallCluster.Sip.Transport;

/// <summary>
/// Every transport of a node behind one inbound channel: starts a UDP or TCP transport per
/// <see cref="SipListenEndpoint"/>, and sends by transport kind and address family, over a
/// named connection, or to a response target.
/// </summary>
public sealed class SipTransportLayer : IAsyncDisposable
{
    private readonly Channel<SipInboundPacket> _inbound;
    private readonly List<SipUdpTransport> _udp = [];
    private readonly List<SipTcpTransport> _tcp = [];

    private SipTransportLayer(SipTransportOptions options)
    {
        _inbound = Channel.CreateBounded<SipInboundPacket>(new BoundedChannelOptions(options.InboundCapacity) { SingleReader = false });
    }

    /// <summary>
    /// Binds every endpoint. TLS endpoints need <see cref="SipTransportOptions.Tls"/> (else
    /// <see cref="ArgumentException"/>); a bind failure stops what was started and rethrows.
    /// </summary>
    public static async Task<SipTransportLayer> StartAsync(IEnumerable<SipListenEndpoint> endpoints, SipTransportOptions options, TimeProvider time)
    {
        var layer = new SipTransportLayer(options);
        var ids = new SipConnectionIds();
        try
        {
            foreach (var endpoint in endpoints)
            {
                switch (endpoint.Kind)
                {
                    case SipTransportKind.Udp:
                        layer._udp.Add(SipUdpTransport.Start(endpoint.EndPoint, layer._inbound.Writer, options));
                        break;
                    default:
                        layer._tcp.Add(SipTcpTransport.Start(endpoint.Kind, endpoint.EndPoint, layer._inbound.Writer, options, time, ids));
                        break;
                }
            }
        }
        catch
        {
            await layer.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return layer;
    }

    /// <summary>Every inbound message of every transport.</summary>
    public ChannelReader<SipInboundPacket> Inbound => _inbound.Reader;

    /// <summary>The bound endpoints, with the ports actually chosen.</summary>
    public IReadOnlyList<SipListenEndpoint> LocalEndpoints =>
        _udp.Select(u => new SipListenEndpoint(SipTransportKind.Udp, u.LocalEndPoint))
            .Concat(_tcp.Select(t => new SipListenEndpoint(t.Kind, t.LocalEndPoint)))
            .ToArray();

    /// <summary>Sends to <paramref name="remote"/> over a transport of <paramref name="kind"/> (TCP reuses or opens a connection).</summary>
    public ValueTask<SipSendResult> SendAsync(SipTransportKind kind, IPEndPoint remote, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        if (remote.Address.IsIPv4MappedToIPv6) remote = new IPEndPoint(remote.Address.MapToIPv4(), remote.Port);
        var family = remote.AddressFamily;
        return kind switch
        {
            SipTransportKind.Udp when _udp.Find(u => u.LocalEndPoint.AddressFamily == family) is { } udp =>
                udp.SendAsync(remote, data, cancellationToken),
            SipTransportKind.Tcp or SipTransportKind.Tls when _tcp.Find(t => t.Kind == kind && t.LocalEndPoint.AddressFamily == family) is { } tcp =>
                tcp.SendAsync(remote, data, cancellationToken),
            _ => ValueTask.FromResult(SipSendResult.NoTransport),
        };
    }

    /// <summary>Sends over the connection <paramref name="connectionId"/> only.</summary>
    public SipSendResult SendOnConnection(long connectionId, ReadOnlyMemory<byte> data)
    {
        foreach (var tcp in _tcp)
        {
            if (tcp.HasConnection(connectionId)) return tcp.Send(connectionId, data);
        }
        return SipSendResult.NoConnection;
    }

    /// <summary>
    /// Sends a response: over the request's connection while it is open (RFC 3261 18.2.2), else to
    /// the target's address. Targets whose host is a name give <see cref="SipSendResult.NoTransport"/>:
    /// resolve them first.
    /// </summary>
    public async ValueTask<SipSendResult> SendResponseAsync(SipResponseTarget target, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        if (target.ConnectionId != 0)
        {
            var onConnection = SendOnConnection(target.ConnectionId, data);
            if (onConnection != SipSendResult.NoConnection) return onConnection;
        }
        if (!target.TryGetEndPoint(out var endPoint)) return SipSendResult.NoTransport;
        return await SendAsync(target.Transport, endPoint!, data, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops every transport and completes <see cref="Inbound"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var udp in _udp) await udp.DisposeAsync().ConfigureAwait(false);
        foreach (var tcp in _tcp) await tcp.DisposeAsync().ConfigureAwait(false);
        _inbound.Writer.TryComplete();
    }
}
