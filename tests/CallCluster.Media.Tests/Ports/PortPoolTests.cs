using CallCluster.Media.Ports;

namespace CallCluster.Media.Tests.Ports;

public sealed class PortPoolTests
{
    [Fact]
    public void Leases_even_rtp_ports_with_rtcp_on_the_next_port()
    {
        var pool = new PortPool(40001, 40010);
        Assert.Equal(4, pool.Capacity);
        Assert.True(pool.TryLease(false, out var lease));
        Assert.Equal(40002, lease!.RtpPort);
        Assert.Equal(40003, lease.RtcpPort);
        Assert.True(pool.TryLease(true, out var mux));
        Assert.Equal(mux!.RtpPort, mux.RtcpPort);
        Assert.Equal(0, mux.RtpPort % 2);
        Assert.Equal(3, pool.PortsInUse);
    }

    [Fact]
    public void Exhaustion_is_reported_and_a_release_makes_room()
    {
        var pool = new PortPool(40000, 40003);
        Assert.True(pool.TryLease(false, out var first));
        Assert.True(pool.TryLease(false, out _));
        Assert.False(pool.TryLease(false, out var none));
        Assert.Null(none);

        Assert.True(pool.Release(first!));
        Assert.True(pool.TryLease(false, out var again));
        Assert.Equal(first!.RtpPort, again!.RtpPort);
    }

    [Fact]
    public void A_lease_is_released_exactly_once()
    {
        var pool = new PortPool(40000, 40003);
        Assert.True(pool.TryLease(false, out var lease));
        Assert.True(pool.Release(lease!));
        Assert.False(pool.Release(lease!));
        Assert.Equal(2, pool.FreePairs);
        Assert.Equal(0, pool.PortsInUse);

        var forged = lease! with { Id = 999 };
        Assert.False(pool.Release(forged));
        Assert.Equal(2, pool.FreePairs);
    }

    [Fact]
    public void Recently_freed_ports_go_to_the_back_of_the_queue()
    {
        var pool = new PortPool(40000, 40005);
        Assert.True(pool.TryLease(false, out var a));
        pool.Release(a!);
        Assert.True(pool.TryLease(false, out var b));
        Assert.NotEqual(a!.RtpPort, b!.RtpPort);
    }

    [Theory]
    [InlineData(40001, 40001)]
    [InlineData(40010, 40000)]
    [InlineData(0, 100)]
    public void Ranges_without_a_pair_are_refused(int start, int end) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PortPool(start, end));

    [Theory]
    [InlineData("30000-39999", true, 30000, 39999)]
    [InlineData(" 20000 - 20001 ", true, 20000, 20001)]
    [InlineData("30000", false, 0, 0)]
    [InlineData("39999-30000", false, 0, 0)]
    [InlineData("80-90", false, 0, 0)]
    [InlineData("30000-70000", false, 0, 0)]
    [InlineData("a-b", false, 0, 0)]
    [InlineData("", false, 0, 0)]
    public void Port_range_setting_is_parsed_strictly(string text, bool ok, int start, int end)
    {
        Assert.Equal(ok, MediaSettings.TryParsePortRange(text, out int s, out int e));
        Assert.Equal((start, end), (s, e));
    }
}
