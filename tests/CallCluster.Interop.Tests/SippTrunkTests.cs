using CallCluster.Interop.Tests.Infrastructure;

namespace CallCluster.Interop.Tests;

/// <summary>
/// SIPp through the cluster as trunk transit: a caller on carrier-b's address (127.0.0.3, trusted,
/// not challenged) dials +44..., which the cluster routes to carrier-a (a SIPp callee on 127.0.0.2).
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class SippTrunkTests(ClusterNode node) : IClassFixture<ClusterNode>
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    private string RunFolder(string name) => Path.Combine(node.Folder, $"{name}-{Guid.NewGuid():N}");

    [Fact]
    public async Task Twenty_transit_calls_at_10_per_second_all_succeed_and_each_has_a_cdr()
    {
        const int calls = 20;
        var before = (await node.CdrsAsync()).Count(IsTransitTo("+441234"));
        var uasFolder = RunFolder("uas");
        using var uas = Sipp.Start(uasFolder, ["-sn", "uas", "-i", ClusterNode.CarrierA, "-p", $"{node.CarrierAPort}", "-m", $"{calls}", "-timeout", "50", "-timeout_error"]);
        await Task.Delay(300);

        var uac = await Sipp.RunAsync(RunFolder("uac"),
        [
            "-sf", Tools.Scenario("uac-dialog.xml"), $"127.0.0.1:{node.SipPort}", "-s", "+441234",
            "-i", ClusterNode.CarrierB, "-p", $"{node.CarrierBPort}", "-r", "10", "-m", $"{calls}", "-d", "200",
            "-timeout", "50", "-timeout_error",
        ], Within);
        var callee = await Sipp.CollectAsync(uas, uasFolder, Within);

        Assert.True(uac.ExitCode == 0, $"caller: {uac.Describe()}\nnode: {node.Output()}");
        Assert.Equal(calls, uac.Cumulative("SuccessfulCall(C)"));
        Assert.Equal(0, uac.Cumulative("FailedCall(C)"));
        Assert.True(callee.ExitCode == 0, $"callee: {callee.Describe()}");
        Assert.Equal(calls, callee.Cumulative("SuccessfulCall(C)"));
        var cdrs = await WaitForCdrsAsync(IsTransitTo("+441234"), before + calls);
        Assert.Equal(before + calls, cdrs);
    }

    [Fact]
    public async Task Sipps_built_in_uac_to_built_in_uas_transit_calls_all_succeed()
    {
        // The built-in uac sends ACK and BYE to the address it first called, without our Contact
        // as Request-URI: the cluster routes them by its own To tag.
        const int calls = 10;
        var before = (await node.CdrsAsync()).Count(IsTransitTo("+442222"));
        var uasFolder = RunFolder("uas-builtin");
        using var uas = Sipp.Start(uasFolder, ["-sn", "uas", "-i", ClusterNode.CarrierA, "-p", $"{node.CarrierAPort}", "-m", $"{calls}", "-timeout", "50", "-timeout_error"]);
        await Task.Delay(300);

        var uac = await Sipp.RunAsync(RunFolder("uac-builtin"),
        [
            "-sn", "uac", $"127.0.0.1:{node.SipPort}", "-s", "+442222",
            "-i", ClusterNode.CarrierB, "-p", $"{node.CarrierBPort}", "-r", "10", "-m", $"{calls}", "-d", "200",
            "-timeout", "50", "-timeout_error",
        ], Within);
        var callee = await Sipp.CollectAsync(uas, uasFolder, Within);

        Assert.True(uac.ExitCode == 0, $"caller: {uac.Describe()}\nnode: {node.Output()}");
        Assert.Equal(calls, uac.Cumulative("SuccessfulCall(C)"));
        Assert.Equal(0, uac.Cumulative("FailedCall(C)"));
        Assert.True(callee.ExitCode == 0, $"callee: {callee.Describe()}");
        Assert.Equal(before + calls, await WaitForCdrsAsync(IsTransitTo("+442222"), before + calls));
    }

    [Fact]
    public async Task A_call_cancelled_while_ringing_gets_487_and_the_callee_sees_the_cancel()
    {
        var uasFolder = RunFolder("uas-ring");
        using var uas = Sipp.Start(uasFolder, ["-sf", Tools.Scenario("uas-ring.xml"), "-i", ClusterNode.CarrierA, "-p", $"{node.CarrierAPort}", "-m", "1", "-timeout", "30", "-timeout_error"]);
        await Task.Delay(300);

        var uac = await Sipp.RunAsync(RunFolder("uac-cancel"),
        [
            "-sf", Tools.Scenario("uac-cancel.xml"), $"127.0.0.1:{node.SipPort}", "-s", "+445550",
            "-i", ClusterNode.CarrierB, "-p", $"{node.CarrierBPort}", "-m", "1", "-timeout", "30", "-timeout_error",
        ], Within);
        var callee = await Sipp.CollectAsync(uas, uasFolder, Within);

        Assert.True(uac.ExitCode == 0, $"caller: {uac.Describe()}\nnode: {node.Output()}");
        Assert.Equal(1, uac.Cumulative("SuccessfulCall(C)"));
        Assert.Contains("SIP/2.0 487", uac.Logs);
        Assert.True(callee.ExitCode == 0, $"callee: {callee.Describe()}");
        Assert.Equal(1, callee.Cumulative("SuccessfulCall(C)"));
        Assert.Contains("CANCEL sip:+445550@", callee.Logs);
    }

    private static Func<System.Text.Json.JsonElement, bool> IsTransitTo(string number) => cdr =>
        cdr.GetProperty("kind").GetString() == "transit"
        && cdr.GetProperty("parties").EnumerateArray().Any(p => p.GetString()!.StartsWith($"sip:{number}@", StringComparison.Ordinal));

    private async Task<int> WaitForCdrsAsync(Func<System.Text.Json.JsonElement, bool> match, int expected)
    {
        var count = 0;
        for (var i = 0; i < 40; i++)
        {
            count = (await node.CdrsAsync()).Count(match);
            if (count >= expected)
            {
                return count;
            }
            await Task.Delay(250);
        }
        return count;
    }
}
