using System.Text.RegularExpressions;
using CallCluster.Interop.Tests.Infrastructure;

namespace CallCluster.Interop.Tests.Baresip;

/// <summary>
/// A real baresip process (SIP trace on) in its own configuration folder, driven through
/// ctrl_tcp. On dispose the process is killed by id and the folder deleted.
/// </summary>
public sealed class BaresipAgent : IAsyncDisposable
{
    private static readonly TimeSpan CommandWithin = TimeSpan.FromSeconds(10);
    private readonly ChildProcess _process;
    private readonly CtrlTcpClient _ctrl;

    private BaresipAgent(BaresipProfile profile, string folder, int sipPort, ChildProcess process, CtrlTcpClient ctrl)
    {
        Profile = profile;
        Folder = folder;
        SipPort = sipPort;
        _process = process;
        _ctrl = ctrl;
    }

    public BaresipProfile Profile { get; }

    public string Folder { get; }

    public int SipPort { get; }

    public string DumpFolder => Path.Combine(Folder, "dump");

    public IReadOnlyList<BaresipEvent> Events => _ctrl.Events;

    /// <summary>stdout and stderr so far (SIP trace and log).</summary>
    public string Output => _process.Output;

    /// <summary>Writes the configuration into a new temporary folder and starts baresip; fails loudly when baresip or a module is missing.</summary>
    public static async Task<BaresipAgent> StartAsync(BaresipProfile profile)
    {
        var executable = Tools.Require("baresip", "baresip-core");
        foreach (var module in BaresipProfile.Modules)
        {
            var file = Path.Combine(BaresipProfile.ModulePath, module + ".so");
            Assert.True(File.Exists(file), $"baresip module {file} is missing (Debian package baresip-core)");
        }
        var folder = Directory.CreateTempSubdirectory($"cc-baresip-{profile.User}-").FullName;
        var dump = Directory.CreateDirectory(Path.Combine(folder, "dump")).FullName;
        var sipPort = BaresipPorts.Sip();
        var ctrlPort = FreePorts.Tcp();
        await File.WriteAllTextAsync(Path.Combine(folder, "config"), profile.Config(sipPort, ctrlPort, dump));
        await File.WriteAllTextAsync(Path.Combine(folder, "accounts"), profile.Accounts());
        var process = ChildProcess.Start(executable, ["-f", folder, "-s"], folder);
        try
        {
            var ctrl = await CtrlTcpClient.ConnectAsync(ctrlPort, TimeSpan.FromSeconds(20), () => process.HasExited);
            return new BaresipAgent(profile, folder, sipPort, process, ctrl);
        }
        catch (InvalidOperationException e)
        {
            var output = process.Output;
            process.Dispose();
            Delete(folder);
            throw new InvalidOperationException($"baresip {profile.User} did not start: {e.Message}; output: {output}", e);
        }
    }

    /// <summary>Polls <c>reginfo</c> until the account shows OK; false after <paramref name="within"/>.</summary>
    public async Task<bool> WaitRegisteredAsync(TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            var info = Ansi.Replace(await _ctrl.CommandAsync("reginfo", within: CommandWithin), "");
            if (Regex.IsMatch(info, $@"{Regex.Escape(Profile.Aor)}\s+OK\b"))
            {
                return true;
            }
            await Task.Delay(200);
        }
        return false;
    }

    /// <summary>Dials <paramref name="aor"/> (a new line; it becomes the current call).</summary>
    public Task DialAsync(string aor) => _ctrl.CommandAsync("dial", aor, CommandWithin);

    /// <summary>Makes line <paramref name="line"/> (1 = first call still up) current and hangs it up.</summary>
    public async Task HangupLineAsync(int line)
    {
        await _ctrl.CommandAsync("line", $"{line}", CommandWithin);
        await _ctrl.CommandAsync("hangup", "", CommandWithin);
    }

    /// <summary><c>listcalls</c> as baresip prints it.</summary>
    public Task<string> ListCallsAsync() => _ctrl.CommandAsync("listcalls", "", CommandWithin);

    public Task<BaresipEvent?> WaitForEventAsync(Func<BaresipEvent, bool> match, TimeSpan within) => _ctrl.WaitForEventAsync(match, within);

    /// <summary>The current call's video: frames decoded and shown, RTP packets received (from <c>video_debug</c>).</summary>
    public async Task<VideoCounters> VideoAsync()
    {
        var text = await _ctrl.CommandAsync("video_debug", "", CommandWithin);
        var frames = VidispFrames.Match(text);
        var received = ReceivedPackets.Match(text);
        return new VideoCounters(
            frames.Success ? long.Parse(frames.Groups[1].Value) : 0,
            received.Success ? long.Parse(received.Groups[1].Value) : 0,
            text);
    }

    /// <summary>Decoded-audio dumps (one per call), oldest first; names carry the second the call's audio started.</summary>
    public IReadOnlyList<string> DecodedDumps() =>
        Directory.Exists(DumpFolder) ? [.. Directory.GetFiles(DumpFolder, "dump-*-dec.wav").Order(StringComparer.Ordinal)] : [];

    /// <summary>Requests baresip received (from the SIP trace), each as its header lines, for <paramref name="method"/>.</summary>
    public IReadOnlyList<IReadOnlyList<string>> ReceivedRequests(string method) =>
        SipTrace.Received(Output, SipPort, method);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _ctrl.DisposeAsync();
        }
        finally
        {
            _process.Dispose();
            Delete(Folder);
        }
    }

    private static void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static readonly Regex Ansi = new(@"\x1B\[[0-9;]*m", RegexOptions.Compiled);
    private static readonly Regex VidispFrames = new(@"vidisp: .*? frames=(\d+)", RegexOptions.Compiled);
    private static readonly Regex ReceivedPackets = new(@"rcvd=(\d+)", RegexOptions.Compiled);
}

/// <summary>One reading of baresip's video stream counters.</summary>
public sealed record VideoCounters(long FramesShown, long PacketsReceived, string Raw);
