using Akka.Actor;
using Akka.Hosting;
using CallCluster.Actors.Cdr;
using CallCluster.Actors.Directory;
using CallCluster.Actors.Health;
using CallCluster.Actors.Hosting;
using CallCluster.Actors.Registration;
using CallCluster.Actors.Tests.Cluster;
using CallCluster.Actors.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static CallCluster.Actors.Registration.RegistrationCommands;
using static CallCluster.Actors.Registration.RegistrationReplies;

namespace CallCluster.Actors.Tests.Hosting;

/// <summary>A node with no seeds joins itself and offers every handle; invalid settings stop it early.</summary>
public sealed class SingleNodeTests
{
    private static readonly TimeSpan Ask = TimeSpan.FromSeconds(10);

    [Fact(Timeout = 60_000)]
    public async Task Node_without_seeds_forms_a_cluster_and_registers_every_handle()
    {
        using var folder = new TempFolder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var node = await ClusterNode.StartAsync(folder.SqliteConnectionString("data/cc.db"), [], timeout.Token);
        await ClusterHelpers.Eventually(() => ClusterHelpers.AllUp([node], 1), TimeSpan.FromSeconds(15), "the node up");

        Assert.True(File.Exists(Path.Combine(folder.Path, "data", "cc.db")));
        foreach (var key in new[] { typeof(SessionRegion), typeof(RegistrationRegion), typeof(DirectoryActor), typeof(CdrWriter), typeof(MobileCallsRegion) })
        {
            Assert.True(node.Registry.TryGet(key, out _), key.Name + " registered");
        }

        var reply = await node.Registry.Get<RegistrationRegion>().Ask<IRegistrationReply>(
            new Register("alice@home.example", "c1", 1, [new ContactRequest("sip:alice@127.0.0.1:5070", 600)]), Ask);
        Assert.Single(Assert.IsType<Bindings>(reply).Contacts);

        var cdr = await node.Registry.Get<CdrWriter>().Ask<CdrWritten>(new WriteCdr(Cdr.CdrStoreTests.Record("s-1", 10)), Ask);
        Assert.Equal("s-1", cdr.SessionId);
        Assert.Equal("s-1", Assert.Single(await ServiceOf<ICdrStore>(node).ListAsync(10)).SessionId);
        Assert.True((await ServiceOf<JournalProbe>(node).CheckAsync()).Reachable);

        await ClusterHelpers.Eventually(() => Task.FromResult(DirectoryView.Get(node.System).IsSynchronized), TimeSpan.FromSeconds(15), "directory replica synchronised");
    }

    [Fact]
    public void Invalid_settings_stop_the_configuration_with_every_problem()
    {
        var settings = new NodeSettings { ClusterPort = -1, Persistence = new PersistenceSettings { Provider = "oracle" } };
        var e = Assert.Throws<ArgumentException>(() => new AkkaConfigurationBuilder(new ServiceCollection(), "callcluster").AddCallCluster(settings));
        Assert.Contains("Cluster:Port", e.Message, StringComparison.Ordinal);
        Assert.Contains("Persistence:Provider", e.Message, StringComparison.Ordinal);
    }

    private static T ServiceOf<T>(ClusterNode node) where T : notnull => node.Services.GetRequiredService<T>();
}
