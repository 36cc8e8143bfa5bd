using System.Runtime.InteropServices;

namespace CallCluster.Media.Mixing;

/// <summary>
/// Puts the calling thread in Linux's SCHED_FIFO class, so that it runs as soon as it wakes
/// instead of sharing its core fairly with the socket threads. Needs CAP_SYS_NICE (root, or the
/// capability granted to the container); without it the thread stays in the normal class.
/// </summary>
internal static class RealtimeScheduling
{
    private const int SchedOther = 0;
    private const int SchedFifo = 1;

    /// <summary>True when the calling thread now runs SCHED_FIFO at <paramref name="priority"/> (1-99).</summary>
    public static bool TryEnter(int priority) => priority is >= 1 and <= 99 && TrySet(SchedFifo, priority);

    /// <summary>True when the calling thread now runs in the normal class (SCHED_OTHER).</summary>
    public static bool TryLeave() => TrySet(SchedOther, 0);

    private static bool TrySet(int policy, int priority)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        var parameter = new SchedParam { Priority = priority };
        try
        {
            return SchedSetScheduler(0, policy, in parameter) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "sched_setscheduler")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SchedSetScheduler(int pid, int policy, in SchedParam parameter);

    [StructLayout(LayoutKind.Sequential)]
    private struct SchedParam
    {
        public int Priority;
    }
}
