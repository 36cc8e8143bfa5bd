using System.Diagnostics.Metrics;
using CallCluster.Media.Ports;

namespace CallCluster.Media.Tests.Ports;

public sealed class PortMetricsTests
{
    [Fact]
    public void Leases_add_their_ports_to_the_allocated_gauge_and_releases_take_them_off_once()
    {
        const string range = "61000-61009";
        long sum = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "CallCluster" && instrument.Name == PortMetrics.PortsAllocated)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "range" && (string?)tag.Value == range)
                {
                    Interlocked.Add(ref sum, value);
                }
            }
        });
        listener.Start();
        var pool = new PortPool(61000, 61009);

        Assert.True(pool.TryLease(rtcpMux: false, out var pair));
        Assert.True(pool.TryLease(rtcpMux: true, out var muxed));
        Assert.Equal(3, Interlocked.Read(ref sum));

        Assert.True(pool.Release(pair!));
        Assert.False(pool.Release(pair!));
        Assert.Equal(1, Interlocked.Read(ref sum));
        Assert.True(pool.Release(muxed!));
        Assert.Equal(0, Interlocked.Read(ref sum));
        Assert.Equal(pool.PortsInUse, Interlocked.Read(ref sum));
    }
}
