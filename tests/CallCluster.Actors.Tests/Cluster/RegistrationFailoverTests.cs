using System.Diagnostics;
using Akka.Actor;
using Xunit.Abstractions;
using CallCluster.Actors.Directory;
using CallCluster.Actors.Hosting;
using CallCluster.Actors.Registration;
using static CallCluster.Actors.Directory.DirectoryCommands;
using static CallCluster.Actors.Directory.DirectoryReplies;
using static CallCluster.Actors.Registration.RegistrationCommands;
using static CallCluster.Actors.Registration.RegistrationReplies;
using static CallCluster.Actors.Tests.Cluster.ClusterHelpers;

namespace CallCluster.Actors.Tests.Cluster;

/// <summary>
/// Three ActorSystems in one process sharing one SQLite journal. A crashed member's registration
/// entities restart on the survivors with their bindings (remember-entities), without any message
/// being sent to them.
/// </summary>
public sealed class RegistrationFailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Ask = TimeSpan.FromSeconds(10);
    private ThreeNodeCluster _cluster = null!;

    private List<ClusterNode> Nodes => _cluster.Nodes;

    public async Task InitializeAsync() => _cluster = await ThreeNodeCluster.StartAsync();

    [Fact(Timeout = 60_000)]
    public async Task Entities_of_a_crashed_member_restart_on_the_others_with_their_bindings()
    {
        var region = Nodes[0].Registry.Get<RegistrationRegion>();
        var aors = Enumerable.Range(0, 30).Select(i => $"user{i}@home.example").ToArray();
        foreach (var aor in aors)
        {
            var reply = await region.Ask<IRegistrationReply>(new Register(aor, "c-" + aor, 1, [new ContactRequest($"sip:{aor.Split('@')[0]}@127.0.0.1:5070", 3600)]), Ask);
            Assert.IsType<Bindings>(reply);
        }

        var hosted = new List<IReadOnlySet<string>>();
        foreach (var node in Nodes)
        {
            hosted.Add(await HostedEntities(node.Registry.Get<RegistrationRegion>()));
        }

        Assert.Equal(aors.Length, hosted.Sum(h => h.Count));
        var victimIndex = ThreeNodeCluster.Victim(hosted);
        var moved = hosted[victimIndex];
        Assert.NotEmpty(moved);

        var clock = Stopwatch.StartNew();

        Nodes[victimIndex].Crash();
        var survivors = Nodes.Where((_, i) => i != victimIndex).ToArray();

        await Eventually(
            async () =>
            {
                var now = new HashSet<string>(StringComparer.Ordinal);
                foreach (var node in survivors)
                {
                    now.UnionWith(await HostedEntities(node.Registry.Get<RegistrationRegion>()));
                }

                return moved.All(now.Contains);
            },
            TimeSpan.FromSeconds(40),
            "remembered registration entities restarted on the survivors");
        output.WriteLine($"{moved.Count} registration entities running again {clock.ElapsedMilliseconds} ms after the crash");

        foreach (var aor in moved)
        {
            var bindings = Assert.IsType<Bindings>(await survivors[0].Registry.Get<RegistrationRegion>().Ask<IRegistrationReply>(new GetBindings(aor), Ask));
            Assert.Equal($"sip:{aor.Split('@')[0]}@127.0.0.1:5070", Assert.Single(bindings.Contacts).Uri);
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task Provisioning_on_one_node_reaches_the_snapshot_of_every_node()
    {
        var directory = Nodes[1].Registry.Get<DirectoryActor>();
        var reply = await directory.Ask<IDirectoryReply>(new UpsertSubscriber(new SubscriberSpec("alice", "pw", SubscriberKind.Mobile), "home.example"), Ask);
        Assert.Equal(new Ok("alice", true), reply);

        await Eventually(
            () => Task.FromResult(Nodes.All(n => DirectoryView.Get(n.System).Current.FindSubscriber("alice") is not null)),
            TimeSpan.FromSeconds(20),
            "the subscriber in every node's snapshot: " + string.Join(", ", Nodes.Select(n => $"{DirectoryView.Get(n.System).IsSynchronized}/{DirectoryView.Get(n.System).Current.Version}")));

        var snapshot = await Nodes[2].Registry.Get<DirectoryActor>().Ask<DirectorySnapshot>(GetDirectorySnapshot.Instance, Ask);
        Assert.Equal(SubscriberKind.Mobile, snapshot.FindSubscriber("alice")!.Kind);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();
}
