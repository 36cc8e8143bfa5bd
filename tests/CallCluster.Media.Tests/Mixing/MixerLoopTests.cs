using CallCluster.Media.Mixing;

namespace CallCluster.Media.Tests.Mixing;

/// <summary>The mixing loop on a clock the test moves: late ticks are caught up, long stalls are skipped and counted.</summary>
public sealed class MixerLoopTests
{
    private const long Period = 20_000; // 20 ms at the fake clock's 1 MHz

    [Fact]
    public void A_loop_held_off_for_a_few_periods_runs_every_missed_tick_back_to_back()
    {
        var clock = new ManualClock();
        using var loop = new MixerLoop(0, clock, TimeSpan.FromMilliseconds(1));
        var mix = new AudioMix(1, "s", []);
        loop.Add(mix);

        clock.Advance(Period);
        WaitFor(() => mix.Ticks == 1, "the first tick");

        clock.Advance(3 * Period);
        WaitFor(() => mix.Ticks == 4, "three ticks after a stall of three periods");
        Thread.Sleep(100);
        Assert.Equal(4, mix.Ticks);
        Assert.Equal(0, loop.MissedTicks);
        Assert.Equal(2, loop.LateTicks);
    }

    [Fact]
    public void A_stall_longer_than_the_catch_up_limit_is_counted_as_missed_and_the_schedule_re_aligns()
    {
        var clock = new ManualClock();
        using var loop = new MixerLoop(0, clock, TimeSpan.FromMilliseconds(1));
        var mix = new AudioMix(1, "s", []);
        loop.Add(mix);
        clock.Advance(Period);
        WaitFor(() => mix.Ticks == 1, "the first tick");

        clock.Advance(10 * Period);
        WaitFor(() => mix.Ticks == 2, "one tick after the stall");
        Thread.Sleep(100);
        Assert.Equal(2, mix.Ticks);
        Assert.Equal(9, loop.MissedTicks);

        clock.Advance(Period);
        WaitFor(() => mix.Ticks == 3, "the next tick one period after the re-aligned one");
    }

    [Fact]
    public void A_loop_asking_for_real_time_priority_gets_it_exactly_when_the_process_may_and_keeps_ticking()
    {
        using var loop = new MixerLoop(0, TimeProvider.System, TimeSpan.FromMilliseconds(1), realtimePriority: 10);
        var mix = new AudioMix(1, "s", []);
        loop.Add(mix);
        WaitFor(() => mix.Ticks >= 3, "three ticks");

        Assert.Equal(OperatingSystem.IsLinux() && Environment.IsPrivilegedProcess, loop.Realtime);
    }

    private static void WaitFor(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            Thread.Sleep(5);
        }
    }

    private sealed class ManualClock : TimeProvider
    {
        private long now = 1_000_000;

        public override long TimestampFrequency => 1_000_000;

        public override long GetTimestamp() => Interlocked.Read(ref now);

        public void Advance(long ticks) => Interlocked.Add(ref now, ticks);
    }
}
