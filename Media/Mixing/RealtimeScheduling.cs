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
    public static bool TryEnter(int priority)
    {
        if (!OperatingSystem.IsLinux() || priority is < 1 or > 99)
        {
            return false;
        }

        var parameter = new SchedParam { Priority = priority };
        try
        {
            return SchedSetScheduler(0, SchedFifo, in parameter) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>True when the calling thread now runs in the normal class (SCHED_OTHER).</summary>
    public static bool TryLeave()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        var parameter = new SchedParam { Priority = 0 };
        try
        {
            return SchedSetScheduler(0, SchedOther, in parameter) == 0;
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
