using System.Net;
using CallCluster.Sip.Auth;

namespace CallCluster.Terminal.Tests;

public sealed class RegistrationTests
{
    [Theory]
    [InlineData(DigestAlgorithm.Sha256, "SHA-256")]
    [InlineData(DigestAlgorithm.Md5, "MD5")]
    public async Task Registers_with_digest_using_the_best_offered_algorithm_and_unregisters_on_stop(DigestAlgorithm offered, string expected)
    {
        DigestAlgorithm[] algorithms = offered == DigestAlgorithm.Sha256 ? [DigestAlgorithm.Sha256, DigestAlgorithm.Md5] : [DigestAlgorithm.Md5];
        await using var registrar = new TinyRegistrar("tv", "secret", algorithms);
        var agent = await TerminalAgent.StartAsync(new TerminalOptions
        {
            User = "tv",
            Password = "secret",
            Domain = "home.example",
            Registrar = registrar.EndPoint,
            LocalAddress = IPAddress.Loopback,
            RegisterExpires = 120,
        });
        var events = new EventWaiter(agent);

        Assert.True(await agent.RegisterAsync().WaitAsync(TimeSpan.FromSeconds(20)));
        var registered = await events.WaitFor<RegisteredEvent>();
        Assert.Equal("sip:tv@home.example", registered.Aor);
        Assert.Equal(120, registered.Expires);
        Assert.Equal(expected, registered.Algorithm);
        Assert.True(agent.GetStats().Registered);

        await agent.DisposeAsync();
        var lastAccepted = registrar.Requests.Last(r => r.Result == DigestVerifyResult.Ok);
        Assert.Equal(0, lastAccepted.Expires);
        Assert.Equal(expected, lastAccepted.Algorithm);
        Assert.Equal(expected == "MD5" ? "MD5" : "SHA-256", registrar.Requests.First(r => r.Result is not null).Algorithm);
    }

    [Fact]
    public async Task Wrong_password_is_reported_as_a_failed_registration()
    {
        await using var registrar = new TinyRegistrar("tv", "secret", [DigestAlgorithm.Sha256, DigestAlgorithm.Md5]);
        await using var agent = await TerminalAgent.StartAsync(new TerminalOptions { User = "tv", Password = "wrong", Registrar = registrar.EndPoint });
        var events = new EventWaiter(agent);

        Assert.False(await agent.RegisterAsync().WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal(403, (await events.WaitFor<RegistrationFailedEvent>()).Status);
        Assert.False(agent.GetStats().Registered);
    }
}
