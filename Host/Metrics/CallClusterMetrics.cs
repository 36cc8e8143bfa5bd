using Prometheus;

namespace CallCluster.Host.Metrics;

/// <summary>
/// The node's Prometheus metrics, in a registry of their own (no process-wide statics).
/// Other projects do not reference Host: they publish through the .NET meter named
/// <see cref="CallClusterMeter.Name"/>, which <see cref="CallClusterMeterBridge"/> copies here.
/// </summary>
public sealed class CallClusterMetrics
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public CallClusterMetrics()
    {
        Registry = Prometheus.Metrics.NewCustomRegistry();
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        ActiveSessions = factory.CreateGauge("callcluster_sessions_active", "Sessions in progress on this node.");
        SessionsEnded = factory.CreateCounter("callcluster_sessions_total", "Ended sessions by outcome.", ["outcome"]);
        JournalWriteSeconds = factory.CreateHistogram(
            "callcluster_journal_write_seconds",
            "Time to persist one journal write (seconds).",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.0005, 2, 14) });
        SipMessagesIn = factory.CreateCounter("callcluster_sip_messages_in_total", "SIP messages received, by method and status (status 0 for requests).", ["method", "status"]);
        SipMessagesOut = factory.CreateCounter("callcluster_sip_messages_out_total", "SIP messages sent, by method and status (status 0 for requests).", ["method", "status"]);
        MediaPortsAllocated = factory.CreateGauge("callcluster_media_rtp_ports_allocated", "RTP ports leased by the media role on this node.");
        MediaForeignDropped = factory.CreateCounter("callcluster_media_rtp_foreign_dropped_total", "RTP/RTCP packets media endpoints dropped for coming from another source than their peer (strays of moved calls, injection attempts).");
        HttpRequests = factory.CreateCounter("callcluster_http_requests_total", "HTTP API requests by status code.", ["code"]);
    }

    public CollectorRegistry Registry { get; }

    public Gauge ActiveSessions { get; }

    public Counter SessionsEnded { get; }

    public Histogram JournalWriteSeconds { get; }

    public Counter SipMessagesIn { get; }

    public Counter SipMessagesOut { get; }

    public Counter HttpRequests { get; }

    public Gauge MediaPortsAllocated { get; }

    public Counter MediaForeignDropped { get; }

    public Task ExportAsync(Stream destination, CancellationToken cancellation) =>
        Registry.CollectAndExportAsTextAsync(destination, cancellation);
}
