using CallCluster.Media.Mixing;
using Microsoft.Extensions.Time.Testing;

namespace CallCluster.Media.Tests.Mixing;

/// <summary>The mixing loop on a clock the test moves: late ticks are caught up, long stalls are skipped and counted.</summary>
public sealed class MixerLoopTests
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(20);

    [Fact]
    public void A_loop_held_off_for_a_few_periods_runs_every_missed_tick_back_to_back()
    {
        var (clock, loop, mix) = StartedLoop();
        using var owned = loop;

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
        var (clock, loop, mix) = StartedLoop();
        using var owned = loop;

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

    /// <summary>A loop on a fake clock with one empty mix, after its first tick.</summary>
    private static (FakeTimeProvider Clock, MixerLoop Loop, AudioMix Mix) StartedLoop()
    {
        var clock = new FakeTimeProvider();
        var loop = new MixerLoop(0, clock, TimeSpan.FromMilliseconds(1));
        var mix = new AudioMix(1, "s", []);
        loop.Add(mix);
        clock.Advance(Period);
        WaitFor(() => mix.Ticks == 1, "the first tick");
        return (clock, loop, mix);
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
}
