using CallCluster.Sip.Transactions;

namespace CallCluster.Sip.Tests.Transactions;

public sealed class TransactionTimersTests
{
    [Fact]
    public void Defaults_follow_RFC_3261_table_4()
    {
        var t = TransactionTimers.Default;

        Assert.Equal(TimeSpan.FromMilliseconds(500), t.T1);
        Assert.Equal(TimeSpan.FromSeconds(4), t.T2);
        Assert.Equal(TimeSpan.FromSeconds(5), t.T4);
        Assert.Equal(TimeSpan.FromSeconds(32), t.TimerB);
        Assert.Equal(TimeSpan.FromSeconds(32), t.TimerD(reliable: false));
        Assert.Equal(TimeSpan.Zero, t.TimerD(reliable: true));
        Assert.Equal(TimeSpan.FromSeconds(32), t.TimerF);
        Assert.Equal(TimeSpan.FromSeconds(32), t.TimerH);
        Assert.Equal(TimeSpan.FromSeconds(5), t.TimerI(reliable: false));
        Assert.Equal(TimeSpan.Zero, t.TimerI(reliable: true));
        Assert.Equal(TimeSpan.FromSeconds(32), t.TimerJ(reliable: false));
        Assert.Equal(TimeSpan.Zero, t.TimerJ(reliable: true));
        Assert.Equal(TimeSpan.FromSeconds(5), t.TimerK(reliable: false));
        Assert.Equal(TimeSpan.Zero, t.TimerK(reliable: true));
        Assert.Equal(TimeSpan.FromMilliseconds(200), t.ProvisionalDelay);
    }

    [Fact]
    public void Timer_D_never_drops_below_32_seconds_on_unreliable_transports()
    {
        var t = new TransactionTimers(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5));

        Assert.Equal(TimeSpan.FromSeconds(32), t.TimerD(reliable: false));
        Assert.Equal(TimeSpan.FromMilliseconds(6400), t.TimerB);
    }

    [Fact]
    public void Doubling_is_capped_by_T2_only_when_asked()
    {
        var t = TransactionTimers.Default;

        Assert.Equal(TimeSpan.FromSeconds(4), t.NextInterval(TimeSpan.FromSeconds(4), cappedByT2: true));
        Assert.Equal(TimeSpan.FromSeconds(8), t.NextInterval(TimeSpan.FromSeconds(4), cappedByT2: false));
    }

    [Fact]
    public void Inconsistent_values_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TransactionTimers(TimeSpan.Zero, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TransactionTimers(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TransactionTimers(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(-1)));
    }
}
