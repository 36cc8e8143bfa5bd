using System.Net.Http.Json;
using System.Text.Json;

namespace CallCluster.Chaos.Tests.Cluster;

/// <summary>The node HTTP API calls the chaos tests make.</summary>
public static class Api
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(8);

    /// <summary>POST /api/v1/subscribers; the status code, or null when the node did not answer.</summary>
    public static async Task<int?> UpsertSubscriberAsync(this ClusterNode node, string user, string? password = null)
    {
        try
        {
            using var cancellation = new CancellationTokenSource(CallTimeout);
            using var response = await node.Http.PostAsJsonAsync(
                "/api/v1/subscribers", new { user, kind = password is null ? "mobile" : "other", password = password ?? "secret-" + user }, cancellation.Token);
            return (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>POST <paramref name="path"/> with a JSON body; the status code, or null when the node did not answer.</summary>
    public static async Task<int?> PostAsync(this ClusterNode node, string path, object body)
    {
        try
        {
            using var cancellation = new CancellationTokenSource(CallTimeout);
            using var response = await node.Http.PostAsJsonAsync(path, body, cancellation.Token);
            return (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>GET /api/v1/subscribers: the user names, or null when the node did not answer 200.</summary>
    public static Task<IReadOnlyList<string>?> SubscribersAsync(this ClusterNode node) => NamesAsync(node, "/api/v1/subscribers", "user");

    /// <summary>GET /api/v1/trunks (the node's replica of the directory): the trunk names, or null when the node did not answer 200.</summary>
    public static Task<IReadOnlyList<string>?> TrunksAsync(this ClusterNode node) => NamesAsync(node, "/api/v1/trunks", "name");

    private static async Task<IReadOnlyList<string>?> NamesAsync(ClusterNode node, string path, string property)
    {
        try
        {
            using var cancellation = new CancellationTokenSource(CallTimeout);
            using var response = await node.Http.GetAsync(path, cancellation.Token);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellation.Token));
            return document.RootElement.EnumerateArray()
                .Select(e => e.TryGetProperty(property, out var u) ? u.GetString() ?? "" : "")
                .ToList();
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
