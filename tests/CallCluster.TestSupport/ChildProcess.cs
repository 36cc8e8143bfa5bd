using System.Diagnostics;
using System.Runtime.InteropServices;

namespace CallCluster.TestSupport;

/// <summary>
/// A started process whose output lines are kept with the time they arrived (bounded), split by
/// stream and optionally copied to a log file. Dispose kills it, and the processes it started, by id.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    /// <summary>Lines kept in memory at most (a log file, when given, gets every line).</summary>
    public const int MaxLines = 200_000;

    public const int SigTerm = 15;

    private readonly Process _process;
    private readonly List<OutputLine> _lines = [];
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

    /// <summary>Every line of stdout and stderr so far (up to <see cref="MaxLines"/>), with its arrival time.</summary>
    public IReadOnlyList<OutputLine> Lines
    {
        get { lock (_gate) { return [.. _lines]; } }
    }

    /// <summary>stdout and stderr interleaved as they arrived.</summary>
    public string Output => Join(Lines);

    public string StandardOutput => Join(Lines.Where(l => !l.IsError));

    public string StandardError => Join(Lines.Where(l => l.IsError));

    /// <summary>Starts <paramref name="fileName"/>; <paramref name="environment"/> adds to or overrides this process's variables.</summary>
    public static ChildProcess Start(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        string? logFile = null,
        IReadOnlyDictionary<string, string>? environment = null)
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
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }
        var process = new Process { StartInfo = info };
        var child = new ChildProcess(process, logFile);
        process.OutputDataReceived += (_, e) => child.Append(e.Data, isError: false);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data, isError: true);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs to completion within <paramref name="timeout"/> and returns the exited process (exit code and output); throws when it takes longer.</summary>
    public static async Task<ChildProcess> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var list = arguments.ToList();
        var child = Start(fileName, list, workingDirectory);
        if (!await child.WaitForExitAsync(timeout))
        {
            child.Dispose();
            throw new TimeoutException($"{fileName} {string.Join(' ', list)} did not finish within {timeout}: {child.Output}");
        }
        return child;
    }

    /// <summary>As <see cref="RunAsync"/>, and throws with the output when the exit code is not 0.</summary>
    public static async Task RunCheckedAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var list = arguments.ToList();
        using var child = await RunAsync(fileName, list, workingDirectory, timeout);
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', list)} exited with {child.ExitCode}: {child.Output}");
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

    /// <summary>Sends <paramref name="signal"/> to the process by id.</summary>
    public void Signal(int signal)
    {
        if (!_process.HasExited && Kill(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>SIGTERM, as a service manager or Kubernetes sends it: the node drains and exits.</summary>
    public void Terminate() => Signal(SigTerm);

    /// <summary>SIGKILL of this process alone: a crash, with no chance to leave the cluster.</summary>
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
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
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

    private static string Join(IEnumerable<OutputLine> lines) => string.Join('\n', lines.Select(l => l.Line));

    private void Append(string? line, bool isError)
    {
        if (line is null)
        {
            return;
        }
        lock (_gate)
        {
            if (_lines.Count < MaxLines)
            {
                _lines.Add(new OutputLine(DateTimeOffset.UtcNow, line, isError));
            }
            _log?.WriteLine(line);
        }
    }

#pragma warning disable SYSLIB1054 // one plain libc call; no marshalling involved
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
#pragma warning restore SYSLIB1054
}

/// <summary>One line a child process wrote, when it arrived, and whether it came on stderr.</summary>
public readonly record struct OutputLine(DateTimeOffset At, string Line, bool IsError);
