using Akka.Actor;
using Akka.Cluster;
using Akka.Hosting;
using CallCluster.Actors.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CallCluster.Actors.Tests.Cluster;

/// <summary>One node of an in-process cluster: an <see cref="IHost"/> running <c>AddCallCluster</c> on 127.0.0.1, port 0.</summary>
public sealed class ClusterNode : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _crashed;

    private ClusterNode(IHost host, NodeSettings settings)
    {
        _host = host;
        Settings = settings;
        System = host.Services.GetRequiredService<ActorSystem>();
        Registry = host.Services.GetRequiredService<IActorRegistry>();
    }

    public NodeSettings Settings { get; }

    public ActorSystem System { get; }

    public IActorRegistry Registry { get; }

    public IServiceProvider Services => _host.Services;

    public Akka.Cluster.Cluster Cluster => Akka.Cluster.Cluster.Get(System);

    public Address Address => Cluster.SelfAddress;

    public static async Task<ClusterNode> StartAsync(
        string connectionString, IReadOnlyList<string> seeds, CancellationToken cancellationToken, CallClusterParts? parts = null, NodeOptions? options = null)
    {
        options ??= new NodeOptions();
        var settings = new NodeSettings
        {
            ClusterHostname = "127.0.0.1",
            ClusterPort = 0,
            Seeds = seeds,
            Persistence = new PersistenceSettings { ConnectionString = connectionString },
            ShardCount = 20,
            DownCrashedNodes = options.DownCrashedNodes,
        };
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddCallClusterStores(settings);
        builder.Services.AddAkka(settings.SystemName, (akka, _) =>
        {
            akka.AddCallCluster(settings, parts);
            if (options.Hocon is not null)
            {
                akka.AddHocon(options.Hocon, HoconAddMode.Prepend);
            }
        });
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new ClusterNode(host, settings);
    }

    /// <summary>A crash: the actor system stops at once, without leaving the cluster or handing shards off.</summary>
    public void Crash()
    {
        _crashed = true;
        ((ExtendedActorSystem)System).Abort();
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            if (!_crashed)
            {
                await _host.StopAsync(timeout.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // a node that cannot stop in time is abandoned; the test process ends anyway
        }

        _host.Dispose();
    }
}
