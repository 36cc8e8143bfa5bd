namespace CallCluster.TestSupport;

/// <summary>What one SIPp run left behind: exit code, console output, cumulative statistics and logs.</summary>
public sealed record SippResult(int ExitCode, string Output, IReadOnlyDictionary<string, string> Statistics, string Logs)
{
    public long Cumulative(string column) =>
        Statistics.TryGetValue(column, out var value) && long.TryParse(value, out var number)
            ? number
            : throw new InvalidOperationException($"SIPp statistics have no column {column}: {Describe()}");

    public string Describe() => $"sipp exit {ExitCode}; output: {Tail(Output)}; logs: {Tail(Logs)}";

    private static string Tail(string text) => text.Length > 4000 ? text[^4000..] : text;
}

/// <summary>Runs SIPp in its own folder with statistics (-trace_stat), errors and messages traced.</summary>
public static class Sipp
{
    /// <summary>Starts SIPp (the caller waits with <see cref="CollectAsync"/>).</summary>
    public static ChildProcess Start(string folder, IEnumerable<string> arguments)
    {
        Directory.CreateDirectory(folder);
        return ChildProcess.Start(ExternalTools.Require("sipp", "sip-tester"),
            [.. arguments, "-nostdin", "-trace_stat", "-fd", "1", "-trace_err", "-trace_msg", "-trace_logs"], folder);
    }

    /// <summary>Waits for SIPp to exit within <paramref name="timeout"/> (killed otherwise) and reads its files.</summary>
    public static async Task<SippResult> CollectAsync(ChildProcess sipp, string folder, TimeSpan timeout)
    {
        var exited = await sipp.WaitForExitAsync(timeout);
        if (!exited)
        {
            sipp.Dispose();
        }
        var exitCode = exited ? sipp.ExitCode : -1;
        var logs = string.Join("\n", Directory.GetFiles(folder, "*.log").Order().Select(f => $"== {Path.GetFileName(f)}\n{File.ReadAllText(f)}"));
        return new SippResult(exitCode, (exited ? "" : $"(killed after {timeout}) ") + sipp.Output, ReadStatistics(folder), logs);
    }

    /// <summary>A scenario file from bench/sipp, copied next to the tests that use it (sipp/NAME).</summary>
    public static string Scenario(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "sipp", name);
        return File.Exists(path) ? path : throw new InvalidOperationException($"scenario {path} missing");
    }

    public static async Task<SippResult> RunAsync(string folder, IEnumerable<string> arguments, TimeSpan timeout)
    {
        using var sipp = Start(folder, arguments);
        return await CollectAsync(sipp, folder, timeout);
    }

    private static Dictionary<string, string> ReadStatistics(string folder)
    {
        var file = Directory.GetFiles(folder, "*_.csv").OrderBy(File.GetLastWriteTimeUtc).LastOrDefault();
        if (file is null)
        {
            return [];
        }
        var lines = File.ReadAllLines(file).Where(l => l.Length > 0).ToArray();
        if (lines.Length < 2)
        {
            return [];
        }
        var names = lines[0].Split(';');
        var values = lines[^1].Split(';');
        return names.Zip(values, (name, value) => (Name: name, Value: value)).Where(p => p.Name.Length > 0).DistinctBy(p => p.Name).ToDictionary(p => p.Name, p => p.Value);
    }
}
