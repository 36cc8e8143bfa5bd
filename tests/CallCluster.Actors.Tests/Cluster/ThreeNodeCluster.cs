using CallCluster.Actors.Hosting;
using CallCluster.Actors.Tests.Support;
using static CallCluster.Actors.Tests.Cluster.ClusterHelpers;

namespace CallCluster.Actors.Tests.Cluster;

/// <summary>Three nodes with every role, one shared SQLite journal file; the first seeds itself.</summary>
public sealed class ThreeNodeCluster : IAsyncDisposable
{
    private readonly TempFolder _folder = new();

    private ThreeNodeCluster()
    {
    }

    public List<ClusterNode> Nodes { get; } = [];

    public string ConnectionString => _folder.SqliteConnectionString();

    public static async Task<ThreeNodeCluster> StartAsync(Func<int, CallClusterParts?>? parts = null, NodeOptions? options = null)
    {
        var cluster = new ThreeNodeCluster();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var first = await ClusterNode.StartAsync(cluster.ConnectionString, [], timeout.Token, parts?.Invoke(0), options);
        cluster.Nodes.Add(first);
        var seed = first.Address.ToString();
        for (var i = 1; i < 3; i++)
        {
            cluster.Nodes.Add(await ClusterNode.StartAsync(cluster.ConnectionString, [seed], timeout.Token, parts?.Invoke(i), options));
        }

        await Eventually(() => AllUp(cluster.Nodes, 3), TimeSpan.FromSeconds(20), "three members up");
        return cluster;
    }

    /// <summary>Index (1 or 2, never the oldest member that hosts the coordinators) of the node hosting more of <paramref name="hosted"/>.</summary>
    public static int Victim(IReadOnlyList<IReadOnlySet<string>> hosted) => hosted[1].Count >= hosted[2].Count ? 1 : 2;

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Enumerable.Reverse(Nodes))
        {
            await node.DisposeAsync();
        }

        _folder.Dispose();
    }
}
