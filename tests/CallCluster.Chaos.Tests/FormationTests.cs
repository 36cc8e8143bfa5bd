using CallCluster.Chaos.Tests.Cluster;

namespace CallCluster.Chaos.Tests;

/// <summary>Three node processes on one PostgreSQL journal form one cluster and share the directory.</summary>
public sealed class FormationTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public void Three_processes_form_one_cluster_with_every_node_up()
    {
        var cluster = fixture.Cluster;
        Assert.Equal(cluster.Nodes.Select(n => n.Address).ToHashSet(), cluster.Members());
        Assert.All(cluster.Nodes, n => Assert.True(n.IsRunning, $"node {n.Number} is not running"));
    }

    [Fact]
    public async Task Provisioning_over_http_on_node_1_is_visible_on_node_2_and_3()
    {
        var cluster = fixture.Cluster;
        var users = Enumerable.Range(1, 5).Select(i => $"chaos-form-{i}").ToList();
        foreach (var user in users)
        {
            var status = await cluster[1].UpsertSubscriberAsync(user);
            Assert.True(status is 200 or 201, $"POST /api/v1/subscribers {user} on node 1 answered {status?.ToString() ?? "nothing"}");
        }

        foreach (var node in cluster.Nodes.Skip(1))
        {
            await cluster.WaitUntilAsync(
                async () => await node.SubscribersAsync() is { } seen && users.All(seen.Contains),
                Bound,
                $"node {node.Number} lists {string.Join(", ", users)}");
        }
        var onNode3 = await cluster[3].SubscribersAsync();
        Assert.NotNull(onNode3);
        Assert.Superset(users.ToHashSet(), onNode3.ToHashSet());
    }
}
