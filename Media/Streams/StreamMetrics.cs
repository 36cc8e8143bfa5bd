using System.Diagnostics.Metrics;

namespace CallCluster.Media.Streams;

/// <summary>
/// RTP and RTCP packets an endpoint dropped because they came from another source than its latched
/// peer (<see cref="SourceLatch"/>), on the process-wide "CallCluster" meter (the node's /metrics
/// shows them as <c>callcluster_media_rtp_foreign_dropped_total</c>): strays of moved calls, or
/// injection attempts.
/// </summary>
public static class StreamMetrics
{
    /// <summary>The instrument's name (a Counter&lt;long&gt;).</summary>
    public const string ForeignDropped = "callcluster.media.rtp.foreign.dropped";

    private static readonly Meter Meter = new("CallCluster");
    private static readonly Counter<long> Foreign = Meter.CreateCounter<long>(ForeignDropped);

    internal static void Dropped() => Foreign.Add(1);
}
