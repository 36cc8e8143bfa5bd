namespace CallCluster.Media.Mixing;

/// <summary>
/// Keeps a real-time mixing thread from starving its core. Every window of
/// <see cref="WindowTicks"/> ticks the loop reports how busy it was (its ticks' work against the
/// window's wall time). A real-time loop busier than <see cref="LeaveAbove"/> can no longer keep up
/// and, as SCHED_FIFO, would leave the other threads of its core next to nothing: it leaves the
/// real-time class. It asks for it again after <see cref="CalmWindows"/> windows in a row below
/// <see cref="EnterBelow"/>. Pure: the loop applies what it says.
/// </summary>
public sealed class RealtimeGuard
{
    /// <summary>Ticks per window (one second).</summary>
    public const int WindowTicks = 50;

    /// <summary>Busy fraction above which a real-time loop leaves the real-time class.</summary>
    public const double LeaveAbove = 0.9;

    /// <summary>Busy fraction below which a window counts as calm.</summary>
    public const double EnterBelow = 0.6;

    /// <summary>Calm windows in a row before a loop that left asks for the real-time class again.</summary>
    public const int CalmWindows = 5;

    private int calm;

    /// <summary>What the loop does after a window.</summary>
    public enum Step
    {
        /// <summary>Nothing changes.</summary>
        Stay,

        /// <summary>Leave the real-time class (normal scheduling).</summary>
        Leave,

        /// <summary>Ask for the real-time class again.</summary>
        Enter,
    }

    /// <summary>The step after a window in which the loop was <paramref name="busy"/> (0-1+), given whether it runs real-time now and whether it may (it was asked for and granted).</summary>
    public Step Observe(double busy, bool realtimeNow, bool permitted)
    {
        if (!permitted)
        {
            return Step.Stay;
        }

        if (realtimeNow)
        {
            calm = 0;
            return busy > LeaveAbove ? Step.Leave : Step.Stay;
        }

        calm = busy < EnterBelow ? calm + 1 : 0;
        if (calm < CalmWindows)
        {
            return Step.Stay;
        }

        calm = 0;
        return Step.Enter;
    }
}
