using CallCluster.Interop.Tests.Infrastructure;
using Xunit.Sdk;

namespace CallCluster.Interop.Tests.Baresip;

/// <summary>
/// The MD5-only interop node for the baresip tests. Its ports were free a moment before the node
/// binds them; on a busy machine another process can take one in between, so a start that fails
/// with "Address already in use" is retried on fresh ports (up to three starts). Any other failure
/// fails the test at once.
/// </summary>
public sealed class BaresipNode : IAsyncLifetime, IDisposable
{
    private const int Starts = 3;
    private Md5ClusterNode? _node;

    public ClusterNode Node => _node ?? throw new InvalidOperationException("node not started");

    public async Task InitializeAsync()
    {
        for (var start = 1; ; start++)
        {
            var node = new Md5ClusterNode();
            try
            {
                await node.InitializeAsync();
                _node = node;
                return;
            }
            catch (XunitException) when (start < Starts && node.Output().Contains("Address already in use", StringComparison.Ordinal))
            {
                node.Dispose();
            }
            catch
            {
                node.Dispose();
                throw;
            }
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _node?.Dispose();
}
