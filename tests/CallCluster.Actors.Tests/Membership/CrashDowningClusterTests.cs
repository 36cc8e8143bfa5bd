using Akka.Cluster;
using CallCluster.Actors.Tests.Cluster;
using Xunit.Abstractions;
using static CallCluster.Actors.Tests.Cluster.ClusterHelpers;

namespace CallCluster.Actors.Tests.Membership;

/// <summary>
/// Three ActorSystems in one process, with a split brain resolver so slow (stable-after 60 s) that
/// within the test only crash downing can down a member: a crashed member, whose cluster port then
/// refuses connections, is downed by the two others and removed even with a failure detector
/// pause of 60 s (its quarantined incarnation counts as terminated); with crash downing off it
/// stays a member, unreachable and Up.
/// </summary>
public sealed class CrashDowningClusterTests(ITestOutputHelper output)
{
    private const string SlowDetection = """
        akka.cluster.failure-detector.acceptable-heartbeat-pause = 60s
        akka.cluster.split-brain-resolver.stable-after = 60s
        """;

    private const string SlowResolver = """
        akka.cluster.failure-detector.acceptable-heartbeat-pause = 3s
        akka.cluster.split-brain-resolver.stable-after = 60s
        """;

    [Fact(Timeout = 90_000)]
    public async Task A_crashed_member_is_downed_and_removed_by_the_majority_at_once()
    {
        await using var cluster = await ThreeNodeCluster.StartAsync(options: new NodeOptions(SlowDetection));
        var victim = cluster.Nodes[2];
        var address = victim.Address;
        var survivors = cluster.Nodes.Take(2).ToArray();
        var removed = new TaskCompletionSource<MemberStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        survivors[0].Cluster.Subscribe(
            survivors[0].System.ActorOf(Akka.Actor.Props.Create(() => new RemovedListener(address, removed))),
            ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents,
            typeof(ClusterEvent.MemberRemoved));

        victim.Crash();

        var before = await Task.WhenAny(removed.Task, Task.Delay(TimeSpan.FromSeconds(20)));
        Assert.True(before == removed.Task, "the crashed member was not removed within 20 s (failure detector pause and resolver stable-after 60 s)");
        Assert.Equal(MemberStatus.Down, await removed.Task);
        await Eventually(() => Task.FromResult(survivors.All(n => n.Cluster.State.Members.Count == 2 && n.Cluster.State.Members.All(m => m.Status == MemberStatus.Up))), TimeSpan.FromSeconds(10), "two members up on both survivors");
        output.WriteLine($"{address} removed; survivors: {string.Join(", ", survivors[0].Cluster.State.Members.Select(m => m.Address))}");
    }

    [Fact(Timeout = 90_000)]
    public async Task With_crash_downing_off_a_crashed_member_is_left_to_the_failure_detector()
    {
        await using var cluster = await ThreeNodeCluster.StartAsync(options: new NodeOptions(SlowResolver, DownCrashedNodes: false));
        var address = cluster.Nodes[2].Address;

        cluster.Nodes[2].Crash();
        await Eventually(
            () => Task.FromResult(cluster.Nodes.Take(2).All(n => n.Cluster.State.Unreachable.Any(m => m.Address.Equals(address)))),
            TimeSpan.FromSeconds(20),
            "the crashed member unreachable on both survivors");
        await Task.Delay(TimeSpan.FromSeconds(5));

        foreach (var node in cluster.Nodes.Take(2))
        {
            var member = node.Cluster.State.Members.Single(m => m.Address.Equals(address));
            Assert.Equal(MemberStatus.Up, member.Status);
        }
    }

    private sealed class RemovedListener : Akka.Actor.ReceiveActor
    {
        public RemovedListener(Akka.Actor.Address address, TaskCompletionSource<MemberStatus> removed)
        {
            Receive<ClusterEvent.MemberRemoved>(r =>
            {
                if (r.Member.Address.Equals(address))
                {
                    removed.TrySetResult(r.PreviousStatus);
                }
            });
        }
    }
}
