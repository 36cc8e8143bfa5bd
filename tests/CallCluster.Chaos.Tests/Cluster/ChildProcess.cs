using System.Diagnostics;

namespace CallCluster.Chaos.Tests.Cluster;

/// <summary>
/// A started process whose output lines are kept (with the time they arrived) and copied to a log
/// file; Dispose kills it by id if it still runs.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<(DateTimeOffset At, string Line)> _lines = [];
    private readonly Lock _gate = new();
    private readonly StreamWriter? _log;

    private ChildProcess(Process process, string? logFile)
    {
        _process = process;
        _log = logFile is null ? null : new StreamWriter(logFile, append: true) { AutoFlush = true };
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Every line of stdout and stderr so far, with its arrival time.</summary>
    public IReadOnlyList<(DateTimeOffset At, string Line)> Lines
    {
        get { lock (_gate) { return [.. _lines]; } }
    }

    public string Output => string.Join('\n', Lines.Select(l => l.Line));

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, string workingDirectory, string? logFile = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        var process = new Process { StartInfo = info };
        var child = new ChildProcess(process, logFile);
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs to completion within <paramref name="timeout"/>; throws with the output when it fails or takes longer.</summary>
    public static async Task RunAsync(string fileName, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        using var child = Start(fileName, arguments, workingDirectory);
        if (!await child.WaitForExitAsync(timeout))
        {
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {timeout}: {child.Output}");
        }
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} exited with {child.ExitCode}: {child.Output}");
        }
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public const int SigTerm = 15;

    /// <summary>Sends <paramref name="signal"/> to the process by id (SIGTERM: the node drains and exits).</summary>
    public void Signal(int signal)
    {
        if (!_process.HasExited && Kill(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed: errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}");
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    /// <summary>SIGKILL by process id: a crash, with no chance to leave the cluster.</summary>
    public void KillNow()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
            _process.WaitForExit(10_000);
        }
    }

    public void Dispose()
    {
        try
        {
            KillNow();
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        _process.Dispose();
        lock (_gate)
        {
            _log?.Dispose();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_gate)
        {
            _lines.Add((DateTimeOffset.UtcNow, line));
            _log?.WriteLine(line);
        }
    }
}
