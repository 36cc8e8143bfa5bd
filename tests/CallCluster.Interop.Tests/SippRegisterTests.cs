using CallCluster.Interop.Tests.Infrastructure;

namespace CallCluster.Interop.Tests;

/// <summary>SIPp registers with digest; SIPp answers only MD5 challenges, so the node offers MD5 alone.</summary>
[Collection(InteropCollection.Name)]
public sealed class SippRegisterTests(Md5ClusterNode node) : IClassFixture<Md5ClusterNode>
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Sipp_registers_with_md5_digest_and_gets_200()
    {
        var folder = Path.Combine(node.Folder, $"register-{Guid.NewGuid():N}");
        var result = await Sipp.RunAsync(folder,
        [
            "-sf", Tools.Scenario("register.xml"), $"127.0.0.1:{node.SipPort}",
            "-s", "alice", "-au", "alice", "-ap", "alice-secret", "-set", "domain", ClusterNode.Domain,
            "-i", "127.0.0.1", "-m", "1", "-timeout", "30", "-timeout_error",
        ], Within);

        Assert.True(result.ExitCode == 0, $"{result.Describe()}\nnode: {node.Output()}");
        Assert.Equal(1, result.Cumulative("SuccessfulCall(C)"));
        Assert.Equal(0, result.Cumulative("FailedCall(C)"));
    }

    [Fact]
    public async Task Sipp_with_a_wrong_password_is_refused()
    {
        var folder = Path.Combine(node.Folder, $"register-bad-{Guid.NewGuid():N}");
        var result = await Sipp.RunAsync(folder,
        [
            "-sf", Tools.Scenario("register.xml"), $"127.0.0.1:{node.SipPort}",
            "-s", "alice", "-au", "alice", "-ap", "not-the-password", "-set", "domain", ClusterNode.Domain,
            "-i", "127.0.0.1", "-m", "1", "-timeout", "20", "-timeout_error",
        ], Within);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal(0, result.Cumulative("SuccessfulCall(C)"));
    }
}
