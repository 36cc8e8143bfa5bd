using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CallCluster.Interop.Tests.Baresip;

/// <summary>
/// The session a gateway dialog belongs to, as the cluster names it in the Contact it hands out
/// (<c>cc-s=</c> URI parameter), and that session's kind and phase from GET /api/v1/sessions/{id}.
/// </summary>
public static class SessionProbe
{
    private static readonly Regex SessionParameter = new(@";cc-s=(?<id>[^;>\s]+)", RegexOptions.Compiled);

    /// <summary>The session id in the Contact of a request the cluster sent, or null.</summary>
    public static string? SessionOf(IReadOnlyList<string> request)
    {
        var contact = SipTrace.Header(request, "Contact").Concat(SipTrace.Header(request, "m")).FirstOrDefault();
        var match = contact is null ? null : SessionParameter.Match(contact);
        return match is { Success: true } ? match.Groups["id"].Value : null;
    }

    /// <summary>Polls the session until its phase is <paramref name="phase"/> (kebab-case, e.g. three-party); returns the last "kind/phase" seen.</summary>
    public static async Task<(bool Held, string Seen)> WaitForPhaseAsync(HttpClient http, string sessionId, string kind, string phase, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        var seen = "nothing";
        while (true)
        {
            using var response = await http.GetAsync($"/api/v1/sessions/{Uri.EscapeDataString(sessionId)}");
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK)
            {
                using var document = JsonDocument.Parse(body);
                var k = Text(document.RootElement, "kind");
                var p = Text(document.RootElement, "phase");
                seen = $"{k}/{p} ({document.RootElement.GetProperty("legs").GetArrayLength()} legs)";
                if (Same(k, kind) && Same(p, phase))
                {
                    return (true, seen);
                }
            }
            else
            {
                seen = $"{(int)response.StatusCode} {body}";
            }
            if (DateTime.UtcNow >= deadline)
            {
                return (false, seen);
            }
            await Task.Delay(250);
        }
    }

    private static bool Same(string actual, string expected) =>
        string.Equals(actual.Replace("-", "", StringComparison.Ordinal), expected.Replace("-", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ToString() : "";
}
