namespace CallCluster.Host.Tests.Process;

/// <summary>`callcluster demo`: the home video call end to end through a real node and three terminals.</summary>
[Collection(ProcessCollection.Name)]
public sealed class DemoProcessTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cc-demo-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Demo_runs_the_home_video_call_and_every_step_holds()
    {
        using var process = await ChildProcess.RunAsync("dotnet", [RepositoryPaths.CallClusterDll(), "demo"], _folder, TimeSpan.FromMinutes(3));

        var output = process.StandardOutput;
        Assert.True(process.ExitCode == 0, $"demo exited {process.ExitCode}: {output} {process.StandardError}");
        Assert.DoesNotContain("FAIL", output);
        foreach (var step in new[]
                 {
                     "ok    registered: mobile",
                     "ok    call 1 auto-answered: TV decision auto-answer",
                     "ok    call 2 answered",
                     "ok    three-party phase: mobile hears 880 Hz + 1320 Hz; tv hears 440 Hz + 1320 Hz; remote hears 440 Hz + 880 Hz",
                     "ok    mobile's other call ended by the cluster",
                     "ok    TV and remote still hear each other: tv hears 1320 Hz; remote hears 880 Hz",
                     "ok    one home session, bridged",
                     "ok    call detail record written: 1 CDR",
                     "ok    metrics:",
                     "demo complete: every step held",
                 })
        {
            Assert.Contains(step, output);
        }
    }
}
