using CallCluster.Media.Mixing;
using Step = CallCluster.Media.Mixing.RealtimeGuard.Step;

namespace CallCluster.Media.Tests.Mixing;

/// <summary>The real-time guard: an overloaded real-time mixing loop leaves the class, and asks again only after calm windows in a row.</summary>
public sealed class RealtimeGuardTests
{
    [Theory]
    [InlineData(0.10, Step.Stay)]
    [InlineData(0.90, Step.Stay)]
    [InlineData(0.91, Step.Leave)]
    [InlineData(1.00, Step.Leave)]
    public void A_real_time_loop_leaves_only_when_busier_than_the_limit(double busy, Step expected) =>
        Assert.Equal(expected, new RealtimeGuard().Observe(busy, realtimeNow: true, permitted: true));

    [Fact]
    public void A_loop_that_left_asks_again_after_five_calm_windows_in_a_row_and_a_busy_window_starts_the_count_over()
    {
        var guard = new RealtimeGuard();
        Assert.Equal(Step.Leave, guard.Observe(0.99, realtimeNow: true, permitted: true));

        var steps = new[] { 0.5, 0.5, 0.5, 0.7, 0.5, 0.5, 0.5, 0.5 }.Select(b => guard.Observe(b, realtimeNow: false, permitted: true)).ToList();
        Assert.All(steps, s => Assert.Equal(Step.Stay, s));
        Assert.Equal(Step.Enter, guard.Observe(0.5, realtimeNow: false, permitted: true));
        Assert.Equal(Step.Stay, guard.Observe(0.5, realtimeNow: true, permitted: true));
    }

    [Fact]
    public void A_loop_never_granted_the_real_time_class_is_never_told_to_change()
    {
        var guard = new RealtimeGuard();
        for (int window = 0; window < 20; window++)
        {
            Assert.Equal(Step.Stay, guard.Observe(window % 2 == 0 ? 1.0 : 0.1, realtimeNow: false, permitted: false));
        }
    }
}
