using System.Diagnostics.Metrics;
using System.Text;
using CallCluster.Host.Metrics;

namespace CallCluster.Host.Tests.Metrics;

public sealed class CallClusterMeterBridgeTests
{
    private static async Task<string> ExportAsync(CallClusterMetrics metrics)
    {
        using var stream = new MemoryStream();
        await metrics.ExportAsync(stream, CancellationToken.None);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public async Task Every_metric_family_is_exported_before_anything_is_recorded()
    {
        var text = await ExportAsync(new CallClusterMetrics());

        Assert.Contains("# TYPE callcluster_sessions_active gauge", text);
        Assert.Contains("# TYPE callcluster_sessions_total counter", text);
        Assert.Contains("# TYPE callcluster_journal_write_seconds histogram", text);
        Assert.Contains("# TYPE callcluster_sip_messages_in_total counter", text);
        Assert.Contains("# TYPE callcluster_sip_messages_out_total counter", text);
    }

    [Fact]
    public async Task Measurements_on_the_CallCluster_meter_reach_the_prometheus_text()
    {
        var metrics = new CallClusterMetrics();
        using var bridge = new CallClusterMeterBridge(metrics);
        using var meter = new Meter(CallClusterMeter.Name);
        var active = meter.CreateUpDownCounter<long>(CallClusterMeter.SessionsActive);
        var ended = meter.CreateCounter<long>(CallClusterMeter.SessionsEnded);
        var journal = meter.CreateHistogram<double>(CallClusterMeter.JournalWriteDuration);
        var sipIn = meter.CreateCounter<long>(CallClusterMeter.SipMessagesIn);
        var sipOut = meter.CreateCounter<long>(CallClusterMeter.SipMessagesOut);

        active.Add(3);
        active.Add(-1);
        ended.Add(1, new KeyValuePair<string, object?>("outcome", "busy"));
        journal.Record(0.003);
        sipIn.Add(2, new("method", "INVITE"), new("status", 0));
        sipOut.Add(1, new("method", "INVITE"), new("status", 200));
        var text = await ExportAsync(metrics);

        Assert.Contains("callcluster_sessions_active 2", text);
        Assert.Contains("callcluster_sessions_total{outcome=\"busy\"} 1", text);
        Assert.Contains("callcluster_journal_write_seconds_count 1", text);
        Assert.Contains("callcluster_journal_write_seconds_bucket{le=\"0.004\"} 1", text);
        Assert.Contains("callcluster_sip_messages_in_total{method=\"INVITE\",status=\"0\"} 2", text);
        Assert.Contains("callcluster_sip_messages_out_total{method=\"INVITE\",status=\"200\"} 1", text);
    }

    [Fact]
    public async Task Instruments_of_other_meters_are_ignored()
    {
        var metrics = new CallClusterMetrics();
        using var bridge = new CallClusterMeterBridge(metrics);
        using var meter = new Meter("SomethingElse");
        meter.CreateUpDownCounter<long>(CallClusterMeter.SessionsActive).Add(5);

        Assert.Contains("callcluster_sessions_active 0", await ExportAsync(metrics));
    }

    [Fact]
    public async Task Media_instruments_keep_the_names_the_bridge_listens_for_and_reach_the_prometheus_text()
    {
        Assert.Equal(CallClusterMeter.MediaPortsAllocated, CallCluster.Media.Ports.PortMetrics.PortsAllocated);
        Assert.Equal(CallClusterMeter.MediaForeignDropped, CallCluster.Media.Streams.StreamMetrics.ForeignDropped);
        var metrics = new CallClusterMetrics();
        using var bridge = new CallClusterMeterBridge(metrics);
        using var meter = new Meter(CallClusterMeter.Name);
        var dropped = meter.CreateCounter<long>(CallClusterMeter.MediaForeignDropped);

        Assert.Contains("callcluster_media_rtp_foreign_dropped_total 0", await ExportAsync(metrics));
        dropped.Add(1);
        dropped.Add(1);
        Assert.Contains("callcluster_media_rtp_foreign_dropped_total 2", await ExportAsync(metrics));
    }
}
