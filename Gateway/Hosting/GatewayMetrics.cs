using System.Collections.Concurrent;

namespace CallCluster.Gateway.Hosting;

/// <summary>SIP traffic counters of a gateway node, for the Host's /metrics.</summary>
public interface IGatewayMetrics
{
    /// <summary>Counters by name: <c>sip_in_request{method}</c>, <c>sip_in_response{status}</c>, <c>sip_out_request{method}</c>, <c>sip_out_response{status}</c>, <c>sip_in_rejected{status}</c>, <c>sip_in_dropped</c>.</summary>
    IReadOnlyDictionary<string, long> Snapshot();
}

/// <summary>
/// Counters written by the gateway actor only and read by any thread; labels are bounded (known
/// methods, or "other"; status codes are three digits).
/// </summary>
public sealed class GatewayMetrics : IGatewayMetrics
{
    private static readonly HashSet<string> KnownMethods =
        ["INVITE", "ACK", "BYE", "CANCEL", "REGISTER", "OPTIONS", "UPDATE", "INFO", "PRACK", "SUBSCRIBE", "NOTIFY", "REFER", "MESSAGE", "PUBLISH"];

    private readonly ConcurrentDictionary<string, long> _counters = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(_counters, StringComparer.Ordinal);

    internal void InRequest(string method) => Add($"sip_in_request{{method=\"{Label(method)}\"}}");

    internal void InResponse(int status) => Add($"sip_in_response{{status=\"{status}\"}}");

    internal void OutRequest(string method) => Add($"sip_out_request{{method=\"{Label(method)}\"}}");

    internal void OutResponse(int status) => Add($"sip_out_response{{status=\"{status}\"}}");

    internal void Rejected(int status) => Add($"sip_in_rejected{{status=\"{status}\"}}");

    internal void Dropped() => Add("sip_in_dropped");

    private static string Label(string method) => KnownMethods.Contains(method) ? method : "other";

    private void Add(string key) => _counters.AddOrUpdate(key, 1, (_, v) => v + 1);
}
