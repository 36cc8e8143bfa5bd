using System.Globalization;
using CallCluster.Chaos.Tests.Cluster;
using Xunit.Abstractions;

namespace CallCluster.Chaos.Tests;

/// <summary>
/// kill -9 of one node of three: the others see its cluster port refuse connections and down it
/// at once (crash downing; the split brain resolver would take its stable-after longer), remove
/// it, stay ready and take over its singletons.
/// </summary>
public sealed class NodeLossTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Kill_9_of_the_oldest_node_leaves_two_ready_members_that_take_over_the_directory()
    {
        await using var cluster = await LocalCluster.StartAsync(3);
        Assert.True(await cluster[1].UpsertSubscriberAsync("chaos-before") is 200 or 201, "directory write before the kill");
        var victim = cluster[1];
        var survivors = cluster.Nodes.Skip(1).ToList();

        var killedAt = cluster.Kill(1);
        Assert.False(victim.IsRunning);

        await cluster.WaitUntilAsync(
            () => Task.FromResult(!cluster.Members().Contains(victim.Address)),
            Bound,
            $"the survivors remove {victim.Address}");
        Assert.Equal(survivors.Select(n => n.Address).ToHashSet(), cluster.Members());
        var downedAt = cluster.FirstLine(killedAt, l => ClusterLog.IsCrashDowned(l, victim.Address));
        Assert.True(downedAt is not null, $"no survivor downed {victim.Address} for refusing connections:{Environment.NewLine}{cluster.MembershipLines()}");
        var removedAt = cluster.FirstLine(killedAt, l => ClusterLog.IsRemoved(l, victim.Address));
        Assert.NotNull(removedAt);

        DateTimeOffset? writableAt = null;
        DateTimeOffset? lastAskedAt = null;
        await cluster.WaitUntilAsync(
            async () =>
            {
                lastAskedAt = DateTimeOffset.UtcNow;
                var status = await survivors[0].UpsertSubscriberAsync("chaos-after");
                writableAt = DateTimeOffset.UtcNow;
                return status is 200 or 201;
            },
            Bound,
            $"node {survivors[0].Number} accepts a directory write after the kill");

        foreach (var node in survivors)
        {
            Assert.True(node.IsRunning, $"node {node.Number} exited after the kill");
            Assert.True(await node.IsReadyAsync(), $"node {node.Number} /readyz is not 200 after the kill");
        }
        await cluster.WaitUntilAsync(
            async () => await survivors[1].SubscribersAsync() is { } users && users.Contains("chaos-before") && users.Contains("chaos-after"),
            Bound,
            $"node {survivors[1].Number} lists the subscribers written before and after the kill");

        Report("kill -9 -> downed by a survivor (port refused)", downedAt - killedAt);
        Report("kill -9 -> removed, 2 members", removedAt - killedAt);
        Report("kill -9 -> sending of the first directory write that succeeded on a survivor", lastAskedAt - killedAt);
        Report("kill -9 -> that write answered", writableAt - killedAt);
    }

    private void Report(string what, TimeSpan? elapsed)
    {
        var text = elapsed is { } e ? e.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms" : "not seen";
        var line = $"chaos figure: {what}: {text}";
        output.WriteLine(line);
        Console.WriteLine(line);
    }
}
