using System.Net;
using Akka.Actor;
using Akka.Hosting;
using CallCluster.Actors.Directory;
using CallCluster.Actors.Hosting;
using CallCluster.Gateway.Hosting;
using CallCluster.Sip.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CallCluster.Chaos.Tests.Calls;

/// <summary>
/// A gateway-only cluster member in the test process, wired as the Gateway README describes
/// (outbox, then GatewayHosting.StartAsync with the region proxies and the directory view), on
/// a UDP loopback port. Sessions live on the node processes; media is not anchored.
/// </summary>
public sealed class GatewayNode : IAsyncDisposable
{
    public const string Domain = "callcluster.local";
    private readonly IHost _host;

    private GatewayNode(IHost host, ActorSystem system, GatewayHandle handle)
    {
        _host = host;
        System = system;
        Handle = handle;
    }

    public ActorSystem System { get; }

    public GatewayHandle Handle { get; }

    public IPEndPoint SipEndPoint => Handle.LocalEndpoints[0].EndPoint;

    public DirectorySnapshot Directory => DirectoryView.Get(System).Current;

    public static async Task<GatewayNode> StartAsync(string connectionString, IReadOnlyList<string> seeds, CancellationToken cancellation)
    {
        var settings = new NodeSettings
        {
            Roles = new HashSet<string>([NodeSettings.GatewayRole]),
            ClusterHostname = "127.0.0.1",
            ClusterPort = 0,
            Seeds = seeds,
            Persistence = new PersistenceSettings { Provider = PersistenceSettings.Postgres, ConnectionString = connectionString },
        };
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddCallClusterStores(settings);
        builder.Services.AddAkka(settings.SystemName, (akka, _) => akka
            .ConfigureLoggers(l => l.LogLevel = Akka.Event.LogLevel.WarningLevel)
            .AddCallCluster(settings));
        var host = builder.Build();
        await host.StartAsync(cancellation);
        var system = host.Services.GetRequiredService<ActorSystem>();
        var registry = host.Services.GetRequiredService<IActorRegistry>();
        var outbox = GatewayHosting.CreateOutbox(system);
        var handle = await GatewayHosting.StartAsync(
            system,
            new GatewaySettings([new SipListenEndpoint(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, 0))], Domain) { AnchorMedia = false },
            new GatewayPorts(
                registry.Get<SessionRegion>(),
                registry.Get<RegistrationRegion>(),
                registry.Get<MobileCallsRegion>(),
                () => DirectoryView.Get(system).Current),
            outbox);
        return new GatewayNode(host, system, handle);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await _host.StopAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // abandoned: the test process ends anyway
        }
        _host.Dispose();
    }
}
