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
/// Three ActorSystems in one process sharing one SQLite journal. Registrations are started on
/// demand, not remembered: a crashed member's registration entities do not restart on the
/// survivors by themselves (a lost node's registrations must not compete with its calls' sessions
/// for the journal), and the first lookup of each one on a survivor answers with its bindings.
/// </summary>
public sealed class RegistrationFailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Ask = TimeSpan.FromSeconds(10);
    private ThreeNodeCluster _cluster = null!;

    private List<ClusterNode> Nodes => _cluster.Nodes;

    public async Task InitializeAsync() => _cluster = await ThreeNodeCluster.StartAsync();

    [Fact(Timeout = 60_000)]
    public async Task Registrations_of_a_crashed_member_are_not_restarted_by_themselves_and_answer_with_their_bindings_when_asked()
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

        Nodes[victimIndex].Crash();
        var survivors = Nodes.Where((_, i) => i != victimIndex).ToArray();
        await Eventually(() => Task.FromResult(survivors.All(n => n.Cluster.State.Members.Count == 2)), TimeSpan.FromSeconds(20), "the crashed member removed");
        await Task.Delay(TimeSpan.FromSeconds(3));
        var running = await Running(survivors);
        Assert.DoesNotContain(moved, running.Contains);

        var clock = Stopwatch.StartNew();
        foreach (var aor in moved)
        {
            var bindings = Assert.IsType<Bindings>(await survivors[0].Registry.Get<RegistrationRegion>().Ask<IRegistrationReply>(new GetBindings(aor), Ask));
            Assert.Equal($"sip:{aor.Split('@')[0]}@127.0.0.1:5070", Assert.Single(bindings.Contacts).Uri);
        }

        output.WriteLine($"{moved.Count} registrations of the crashed member looked up on a survivor in {clock.ElapsedMilliseconds} ms");
        Assert.True(moved.All((await Running(survivors)).Contains), "each looked-up registration stays running on a survivor");
    }

    private static async Task<HashSet<string>> Running(IEnumerable<ClusterNode> nodes)
    {
        var running = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            running.UnionWith(await HostedEntities(node.Registry.Get<RegistrationRegion>()));
        }

        return running;
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
