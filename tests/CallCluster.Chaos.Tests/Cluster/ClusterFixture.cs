namespace CallCluster.Chaos.Tests.Cluster;

/// <summary>A three-node cluster (every node gateway, session and media) on one PostgreSQL journal, shared by a test class.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private LocalCluster? _cluster;

    public LocalCluster Cluster => _cluster ?? throw new InvalidOperationException("cluster not started");

    public async Task InitializeAsync() => _cluster = await LocalCluster.StartAsync(3);

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
