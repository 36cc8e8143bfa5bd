using CallCluster.Sip.Rtp;

namespace CallCluster.Sip.Tests.Rtp;

public sealed class RtpReceiveStatisticsTests
{
    private static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

    [Fact]
    public void Steady_stream_has_no_loss_and_no_jitter_across_the_wrap()
    {
        var stats = new RtpReceiveStatistics(8000);
        for (int i = 0; i < 100; i++)
        {
            stats.OnPacket(unchecked((ushort)(65500 + i)), (uint)(160 * i), Ms(20 * i));
        }

        var block = stats.CreateReportBlock(7, Ms(2000));
        Assert.Equal(7u, block.Ssrc);
        Assert.Equal(0, block.FractionLost);
        Assert.Equal(0, block.CumulativeLost);
        Assert.Equal(65500u + 99, block.HighestSequence); // cycle count in the high bits
        Assert.Equal(0u, block.Jitter);
        Assert.Equal(100, stats.PacketsReceived);
    }

    [Fact]
    public void Loss_is_reported_per_interval_and_cumulatively()
    {
        var stats = new RtpReceiveStatistics(8000);
        for (int i = 0; i < 100; i++)
        {
            if (i % 4 != 3)
            {
                stats.OnPacket((ushort)i, (uint)(160 * i), Ms(20 * i));
            }
        }

        var first = stats.CreateReportBlock(1, Ms(2000));
        Assert.Equal(24, first.CumulativeLost); // 99 is lost too, but not yet known: highest is 98
        Assert.Equal(62, first.FractionLost); // 24 of 99 expected = 62/256

        for (int i = 100; i < 200; i++)
        {
            stats.OnPacket((ushort)i, (uint)(160 * i), Ms(20 * i));
        }

        var second = stats.CreateReportBlock(1, Ms(4000));
        Assert.Equal(2, second.FractionLost); // 1 of 101 expected in this interval
        Assert.Equal(25, second.CumulativeLost);
    }

    [Fact]
    public void Jitter_grows_with_uneven_arrival()
    {
        var stats = new RtpReceiveStatistics(8000);
        for (int i = 0; i < 200; i++)
        {
            stats.OnPacket((ushort)i, (uint)(160 * i), Ms((20 * i) + (i % 2 == 0 ? 0 : 5)));
        }

        // 5 ms = 40 timestamp units of alternating delay: the estimate converges towards 40.
        Assert.InRange(stats.Jitter, 35u, 40u);
    }

    [Fact]
    public void Last_sender_report_gives_lsr_and_dlsr()
    {
        var stats = new RtpReceiveStatistics(90000);
        stats.OnPacket(1, 0, Ms(0));
        ulong ntp = 0x0123456789ABCDEF;
        stats.OnSenderReport(ntp, Ms(1000));
        var block = stats.CreateReportBlock(9, Ms(1500));
        Assert.Equal(0x456789ABu, block.LastSenderReport);
        Assert.Equal(32768u, block.DelaySinceLastSenderReport); // 0.5 s in 1/65536 s
    }

    [Fact]
    public void No_packets_gives_an_empty_report()
    {
        var block = new RtpReceiveStatistics(8000).CreateReportBlock(3, Ms(100));
        Assert.Equal(new RtcpReportBlock(3, 0, 0, 0, 0, 0, 0), block);
    }
}
