using System.Text.Json;

namespace CallCluster.Host.Demo;

/// <summary>What the demo reads back over the node's HTTP API: the session's phase and its CDR.</summary>
public sealed class DemoApi(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };

    /// <summary>The phase and leg count of every session on the node, e.g. "Bridged (4 legs)".</summary>
    public async Task<IReadOnlyList<(string Id, string Phase, string Kind)>> SessionsAsync()
    {
        var list = new List<(string, string, string)>();
        using var index = JsonDocument.Parse(await _http.GetStringAsync("/api/v1/sessions"));
        foreach (var entry in index.RootElement.GetProperty("sessions").EnumerateArray())
        {
            var id = entry.GetProperty("id").GetString()!;
            using var one = JsonDocument.Parse(await _http.GetStringAsync($"/api/v1/sessions/{Uri.EscapeDataString(id)}"));
            list.Add((id, Text(one.RootElement, "phase"), Text(one.RootElement, "kind")));
        }
        return list;
    }

    /// <summary>Waits (bounded) until a CDR for <paramref name="sessionId"/> is listed; returns its end reason.</summary>
    public async Task<string?> WaitForCdrAsync(string sessionId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            using var cdrs = JsonDocument.Parse(await _http.GetStringAsync("/api/v1/cdrs"));
            var matching = cdrs.RootElement.GetProperty("cdrs").EnumerateArray()
                .Where(c => string.Equals(Text(c, "sessionId"), sessionId, StringComparison.Ordinal))
                .ToList();
            if (matching.Count > 0)
            {
                return $"{matching.Count} CDR, end reason {Text(matching[0], "endReason")}";
            }
            await Task.Delay(250);
        }
        return null;
    }

    /// <summary>The value of the first /metrics sample whose name and labels start with <paramref name="prefix"/>, or 0.</summary>
    public async Task<double> MetricAsync(string prefix)
    {
        var text = await _http.GetStringAsync("/metrics");
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal)
                && double.TryParse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }
        }
        return 0;
    }

    public void Dispose() => _http.Dispose();

    private static string Text(JsonElement e, string name) =>
        e.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value is { ValueKind: not JsonValueKind.Undefined } v
            ? v.ToString()
            : "?";
}
