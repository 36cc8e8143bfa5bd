using System.Diagnostics.Metrics;

namespace CallCluster.Media.Ports;

/// <summary>
/// RTP ports held by leases, on the process-wide "CallCluster" meter (the node's /metrics shows
/// them as <c>callcluster_media_rtp_ports_allocated</c>): +ports on a lease, -ports on its
/// release, tagged with the pool's range ("start-end").
/// </summary>
public static class PortMetrics
{
    /// <summary>The instrument's name (an UpDownCounter&lt;long&gt;).</summary>
    public const string PortsAllocated = "callcluster.media.rtp.ports.allocated";

    private static readonly Meter Meter = new("CallCluster");
    private static readonly UpDownCounter<long> Allocated = Meter.CreateUpDownCounter<long>(PortsAllocated);

    internal static void Changed(int ports, string range) => Allocated.Add(ports, new KeyValuePair<string, object?>("range", range));
}
