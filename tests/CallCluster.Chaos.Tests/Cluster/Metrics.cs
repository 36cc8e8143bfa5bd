using System.Globalization;

namespace CallCluster.Chaos.Tests.Cluster;

/// <summary>GET /metrics of a node, read as sample name (with labels) to value.</summary>
public static class Metrics
{
    /// <summary>Every sample line ("name{labels} value"), or null when the node did not answer.</summary>
    public static async Task<IReadOnlyDictionary<string, double>?> MetricsAsync(this ClusterNode node)
    {
        try
        {
            using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(8));
            var text = await node.Http.GetStringAsync("/metrics", cancellation.Token);
            var samples = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var line in text.Split('\n'))
            {
                var space = line.LastIndexOf(' ');
                if (line.StartsWith('#') || space <= 0)
                {
                    continue;
                }
                if (double.TryParse(line.AsSpan(space + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    samples[line[..space]] = value;
                }
            }
            return samples;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>The value of <paramref name="sample"/> (absent: 0), or null when the node did not answer.</summary>
    public static async Task<double?> SampleAsync(this ClusterNode node, string sample) =>
        await node.MetricsAsync() is { } all ? all.GetValueOrDefault(sample) : null;

    /// <summary>The sample counting responses with <paramref name="status"/> the node's gateway sent (to any method).</summary>
    public static string SipResponsesOut(int status) =>
        string.Create(CultureInfo.InvariantCulture, $"callcluster_sip_messages_out_total{{method=\"response\",status=\"{status}\"}}");
}
