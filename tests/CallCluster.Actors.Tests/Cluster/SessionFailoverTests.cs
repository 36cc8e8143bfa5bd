using System.Collections.Concurrent;
using System.Diagnostics;
using Akka.Actor;
using Xunit.Abstractions;
using CallCluster.Actors.Cdr;
using CallCluster.Actors.Hosting;
using CallCluster.Actors.Persistence;
using CallCluster.Actors.Sessions;
using CallCluster.Sip.Dialogs;
using static CallCluster.Actors.Sessions.SessionCommands;
using static CallCluster.Actors.Sessions.SessionEffects;
using static CallCluster.Actors.Sessions.SessionReplies;
using static CallCluster.Actors.Tests.Cluster.ClusterHelpers;

namespace CallCluster.Actors.Tests.Cluster;

/// <summary>
/// Established plain calls on a three-node cluster: the member hosting sessions crashes, its
/// sessions restart on the others (remember-entities) with their dialogs, a BYE still ends them,
/// and each ended session leaves exactly one CDR.
/// </summary>
public sealed class SessionFailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Ask = TimeSpan.FromSeconds(10);

    private readonly ConcurrentQueue<object> _sip = new();
    private ThreeNodeCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await ThreeNodeCluster.StartAsync(_ => new CallClusterParts
    {
        GatewayOutbox = (system, _) => system.ActorOf(EffectCollector.Props(_sip), "test-outbox"),
    });

    [Fact(Timeout = 60_000)]
    public async Task Sessions_of_a_crashed_member_continue_elsewhere_and_each_writes_one_cdr()
    {
        var region = _cluster.Nodes[0].Registry.Get<SessionRegion>();
        var ids = Enumerable.Range(0, 12).Select(i => new SessionId($"call-{i}")).ToArray();
        var callees = await EstablishedCalls.StartAsync(region, _sip, ids);

        var hosted = new List<IReadOnlySet<string>>();
        foreach (var node in _cluster.Nodes)
        {
            hosted.Add(await HostedEntities(node.Registry.Get<SessionRegion>()));
        }

        var victim = ThreeNodeCluster.Victim(hosted);
        var moved = hosted[victim];
        Assert.NotEmpty(moved);
        var clock = Stopwatch.StartNew();
        _cluster.Nodes[victim].Crash();
        var survivors = _cluster.Nodes.Where((_, i) => i != victim).ToArray();

        await Eventually(
            async () =>
            {
                var now = new HashSet<string>(StringComparer.Ordinal);
                foreach (var node in survivors)
                {
                    now.UnionWith(await HostedEntities(node.Registry.Get<SessionRegion>()));
                }

                return moved.All(now.Contains);
            },
            TimeSpan.FromSeconds(40),
            "remembered sessions restarted on the survivors");
        output.WriteLine($"{moved.Count} sessions running again {clock.ElapsedMilliseconds} ms after the crash");

        var survivorRegion = survivors[0].Registry.Get<SessionRegion>();
        foreach (var id in ids.Where(i => moved.Contains(i.Value)))
        {
            var view = Assert.IsType<SessionView>(await survivorRegion.Ask<ISessionReply>(new SessionQueries.GetSession(id), Ask));
            Assert.Equal(SessionPhase.Established, view.Phase);
            Assert.NotNull(view.Answered);
        }

        foreach (var id in ids)
        {
            Assert.IsType<Accepted>(await survivorRegion.Ask<ISessionReply>(new ByeReceived(id, new LegId(id.Value + ".a")), Ask));
        }

        // The BYE effects travel to the gateway outboxes after each reply: wait for all of them.
        await Eventually(
            () => Task.FromResult(ids.All(id => Effects<SendBye>().Any(b => b.SessionId == id && b.LegId == callees[id]))),
            TimeSpan.FromSeconds(15),
            "a BYE toward every callee");
        Assert.All(ids, id => Assert.Contains(Effects<SendBye>(), b => b.SessionId == id && b.LegId == callees[id]));
        var store = new SqlCdrStore(new Database(new PersistenceSettings { ConnectionString = _cluster.ConnectionString }));
        await Eventually(
            async () => (await store.ListAsync(100)).Count == ids.Length,
            TimeSpan.FromSeconds(15),
            "one CDR per session");
        var cdrs = await store.ListAsync(100);
        Assert.Equal(ids.Select(i => i.Value).Order(), cdrs.Select(c => c.SessionId).Order());
        Assert.All(cdrs, c => Assert.Equal("plain", c.Kind));
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private IReadOnlyList<T> Effects<T>() => _sip.OfType<T>().ToArray();
}
