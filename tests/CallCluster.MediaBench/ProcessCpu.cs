using System.Globalization;

namespace CallCluster.MediaBench;

/// <summary>CPU time (user + system) of another process, read from /proc/PID/stat (Linux).</summary>
public static class ProcessCpu
{
    /// <summary>The process's CPU time so far; null when it cannot be read (no such process, not Linux).</summary>
    public static TimeSpan? Read(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // Fields after the command name (which may hold spaces) start at field 3, "state"; utime and stime are fields 14 and 15.
        int close = text.LastIndexOf(')');
        var fields = close < 0 ? [] : text[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 13
            || !long.TryParse(fields[11], NumberStyles.None, CultureInfo.InvariantCulture, out long user)
            || !long.TryParse(fields[12], NumberStyles.None, CultureInfo.InvariantCulture, out long system))
        {
            return null;
        }

        const int ClockTicksPerSecond = 100;
        return TimeSpan.FromSeconds((user + system) / (double)ClockTicksPerSecond);
    }
}
