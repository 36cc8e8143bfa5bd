using System.Text.Json;
using CallCluster.Chaos.Tests.Cluster;

namespace CallCluster.Chaos.Tests.Calls;

/// <summary>The node HTTP calls about sessions and CDRs.</summary>
public static class SessionApi
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan PollTimeout = TimeSpan.FromSeconds(1);

    /// <summary>GET /api/v1/sessions: ids of the sessions hosted on this node, or null.</summary>
    public static async Task<IReadOnlyList<string>?> LocalSessionsAsync(this ClusterNode node)
    {
        var json = await GetAsync(node, "/api/v1/sessions");
        return json?.RootElement.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("id").GetString() ?? "").ToList();
    }

    /// <summary>True when GET /api/v1/sessions/{id} answers 200 (the entity runs and answers).</summary>
    /// <remarks>
    /// Waits at most <see cref="PollTimeout"/>: a query sent while the session's old node is not yet
    /// known to be gone is lost with it (the node answers 503 after its own 5 s), so a poller that
    /// waited for that answer would measure the query's timeout rather than the failover.
    /// </remarks>
    public static async Task<bool> SessionAnswersAsync(this ClusterNode node, string id) =>
        await GetAsync(node, $"/api/v1/sessions/{Uri.EscapeDataString(id)}", PollTimeout) is not null;

    /// <summary>GET /api/v1/sessions/{id}: the session's kind and phase (lower case), or null.</summary>
    public static async Task<(string Kind, string Phase)?> SessionKindAsync(this ClusterNode node, string id)
    {
        using var json = await GetAsync(node, $"/api/v1/sessions/{Uri.EscapeDataString(id)}");
        if (json is null)
        {
            return null;
        }
        string Read(string name) => json.RootElement.EnumerateObject()
            .FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Value is { ValueKind: JsonValueKind.String } v
            ? v.GetString()!.ToLowerInvariant()
            : "";
        return (Read("kind"), Read("phase"));
    }

    /// <summary>GET /api/v1/cdrs?limit=1000: the raw JSON of every record, or null.</summary>
    public static async Task<IReadOnlyList<string>?> CdrsAsync(this ClusterNode node)
    {
        var json = await GetAsync(node, "/api/v1/cdrs?limit=1000");
        return json?.RootElement.GetProperty("cdrs").EnumerateArray().Select(c => c.GetRawText()).ToList();
    }

    private static async Task<JsonDocument?> GetAsync(ClusterNode node, string path, TimeSpan? timeout = null)
    {
        try
        {
            using var cancellation = new CancellationTokenSource(timeout ?? CallTimeout);
            using var response = await node.Http.GetAsync(path, cancellation.Token);
            return response.IsSuccessStatusCode
                ? JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellation.Token))
                : null;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or JsonException)
        {
            return null;
        }
    }
}
