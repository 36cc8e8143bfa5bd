using Akka.Actor;
using Akka.TestKit;
using Akka.TestKit.Xunit2;

namespace CallCluster.Media.Tests.Drain;

/// <summary><see cref="MediaDrain.WaitAsync"/> against a stand-in media manager.</summary>
public sealed class DrainWaitSpecs : TestKit
{
    /// <summary>A manager that answers every query with the next of <paramref name="replies"/> (the last one repeated).</summary>
    private IActorRef Manager(params MediaDrain.Status[] replies)
    {
        var probe = CreateTestProbe();
        var next = 0;
        probe.SetAutoPilot(new DelegateAutoPilot((sender, message) =>
        {
            if (message is MediaDrain.Query)
            {
                sender.Tell(replies[Math.Min(next++, replies.Length - 1)]);
            }

            return AutoPilot.KeepRunning;
        }));
        return probe.Ref;
    }

    [Fact]
    public async Task It_ends_once_no_endpoint_receives_media()
    {
        var manager = Manager(new MediaDrain.Status(3, 3, true), new MediaDrain.Status(1, 3, true), new MediaDrain.Status(0, 3, true));
        var outcome = await MediaDrain.WaitAsync(manager, TimeSpan.FromSeconds(30), TimeProvider.System);
        Assert.False(outcome.TimedOut);
        Assert.Equal(new MediaDrain.Status(0, 3, true), outcome.Last);
    }

    [Fact]
    public async Task It_gives_up_at_its_bound_when_calls_keep_sending_media_here()
    {
        var manager = Manager(new MediaDrain.Status(2, 2, true));
        var outcome = await MediaDrain.WaitAsync(manager, TimeSpan.FromMilliseconds(300), TimeProvider.System);
        Assert.True(outcome.TimedOut);
        Assert.Equal(2, outcome.Last?.Active);
    }

    [Fact]
    public async Task With_no_other_media_node_there_is_nothing_to_wait_for()
    {
        var manager = Manager(new MediaDrain.Status(2, 2, OtherMediaNodes: false));
        var outcome = await MediaDrain.WaitAsync(manager, TimeSpan.FromSeconds(30), TimeProvider.System);
        Assert.False(outcome.TimedOut);
        Assert.Equal(2, outcome.Last?.Active);
    }

    [Fact]
    public async Task A_manager_that_does_not_answer_does_not_hold_the_stop()
    {
        var silent = CreateTestProbe();
        var outcome = await MediaDrain.WaitAsync(silent.Ref, TimeSpan.FromSeconds(30), TimeProvider.System);
        Assert.False(outcome.TimedOut);
        Assert.Null(outcome.Last);
    }
}
