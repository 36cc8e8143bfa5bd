using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

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

    // The same traffic on the process-wide "CallCluster" meter, which the node's /metrics reads
    // (tags: method, and status "0" for requests; responses carry method "response").
    private static readonly Meter Meter = new("CallCluster");
    private static readonly Counter<long> In = Meter.CreateCounter<long>("callcluster.sip.messages.in");
    private static readonly Counter<long> Out = Meter.CreateCounter<long>("callcluster.sip.messages.out");

    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(_counters, StringComparer.Ordinal);

    internal void InRequest(string method)
    {
        Add($"sip_in_request{{method=\"{Label(method)}\"}}");
        In.Add(1, Tag("method", Label(method)), Tag("status", "0"));
    }

    internal void InResponse(int status)
    {
        Add($"sip_in_response{{status=\"{status}\"}}");
        In.Add(1, Tag("method", "response"), Tag("status", StatusLabel(status)));
    }

    internal void OutRequest(string method)
    {
        Add($"sip_out_request{{method=\"{Label(method)}\"}}");
        Out.Add(1, Tag("method", Label(method)), Tag("status", "0"));
    }

    internal void OutResponse(int status)
    {
        Add($"sip_out_response{{status=\"{status}\"}}");
        Out.Add(1, Tag("method", "response"), Tag("status", StatusLabel(status)));
    }

    private static KeyValuePair<string, object?> Tag(string name, string value) => new(name, value);

    private static string StatusLabel(int status) => status is >= 100 and <= 699 ? status.ToString(System.Globalization.CultureInfo.InvariantCulture) : "other";

    internal void Rejected(int status) => Add($"sip_in_rejected{{status=\"{status}\"}}");

    internal void Dropped() => Add("sip_in_dropped");

    private static string Label(string method) => KnownMethods.Contains(method) ? method : "other";

    private void Add(string key) => _counters.AddOrUpdate(key, 1, (_, v) => v + 1);
}
