using System.Net;
using CallCluster.Interop.Tests.Infrastructure;
using CallCluster.Terminal;

namespace CallCluster.Interop.Tests;

/// <summary>
/// A TV (the project's terminal, bound to mobile alice) registered with the cluster. Callers that
/// are not alice forge P-Asserted-Identity: alice and Answer-Mode: Auto; the TV must ring
/// normally and see neither header.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class ForgedIdentityTests(ClusterNode node) : IClassFixture<ClusterNode>
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(15);
    private static readonly string Alice = $"<sip:alice@{ClusterNode.Domain}>";

    private TerminalOptions Options(string user, string password, params string[] boundMobiles) => new()
    {
        User = user,
        Password = password,
        Domain = ClusterNode.Domain,
        Registrar = new IPEndPoint(IPAddress.Loopback, node.SipPort),
        BoundMobiles = boundMobiles,
        Video = VideoCodec.None,
        RingTime = TimeSpan.FromSeconds(1),
        RejectStatus = 486,
        StatsInterval = TimeSpan.Zero,
    };

    [Fact]
    public async Task A_subscriber_forging_the_mobiles_identity_and_answer_mode_makes_the_tv_ring_not_auto_answer()
    {
        await using var tv = await TerminalAgent.StartAsync(Options("tv", "tv-secret", "alice"));
        Assert.True(await tv.RegisterAsync(), "tv did not register");
        await using var bob = await TerminalAgent.StartAsync(Options("bob", "bob-secret"));
        Assert.True(await bob.RegisterAsync(), "bob did not register");

        await bob.PlaceCallAsync("tv", new Dictionary<string, string>
        {
            ["P-Asserted-Identity"] = Alice,
            ["Answer-Mode"] = "Auto",
            ["Call-Info"] = $"<sip:{ClusterNode.Domain}>;answer-after=0",
        });

        AssertRingsNormally(await IncomingCallAsync(tv));
    }

    [Fact]
    public async Task A_trunk_forging_the_mobiles_identity_and_answer_mode_makes_the_tv_ring_not_auto_answer()
    {
        await using var tv = await TerminalAgent.StartAsync(Options("tv", "tv-secret", "alice"));
        Assert.True(await tv.RegisterAsync(), "tv did not register");
        using var trunk = new RawSip(ClusterNode.CarrierB);

        var invite = RawSip.Request($"INVITE sip:tv@127.0.0.1:{node.SipPort} SIP/2.0",
            $"Via: SIP/2.0/UDP {trunk.HostPort};branch=z9hG4bK-forged-{Guid.NewGuid():N}",
            $"From: <sip:+447700900123@{trunk.HostPort}>;tag=forged1",
            $"To: <sip:tv@{ClusterNode.Domain}>",
            $"Call-ID: forged-{Guid.NewGuid():N}",
            "CSeq: 1 INVITE",
            $"Contact: <sip:+447700900123@{trunk.HostPort}>",
            $"P-Asserted-Identity: {Alice}",
            "Answer-Mode: Auto",
            "Alert-Info: <http://example.invalid>;info=alert-autoanswer",
            "Max-Forwards: 70");
        var sent = trunk.SendAsync(node.SipPort, invite);

        var incoming = await IncomingCallAsync(tv);
        var final = await sent;

        AssertRingsNormally(incoming);
        Assert.True(RawSip.Status(final) == 486, final);
    }

    [Fact]
    public async Task A_trunk_presenting_the_mobile_as_From_makes_the_tv_ring_not_auto_answer()
    {
        await using var tv = await TerminalAgent.StartAsync(Options("tv", "tv-secret", "alice"));
        Assert.True(await tv.RegisterAsync(), "tv did not register");
        using var trunk = new RawSip(ClusterNode.CarrierB);

        var invite = RawSip.Request($"INVITE sip:tv@127.0.0.1:{node.SipPort} SIP/2.0",
            $"Via: SIP/2.0/UDP {trunk.HostPort};branch=z9hG4bK-forged-{Guid.NewGuid():N}",
            $"From: {Alice};tag=forged2",
            $"To: <sip:tv@{ClusterNode.Domain}>",
            $"Call-ID: forged-{Guid.NewGuid():N}",
            "CSeq: 1 INVITE",
            $"Contact: <sip:alice@{trunk.HostPort}>",
            "Max-Forwards: 70");
        var sent = trunk.SendAsync(node.SipPort, invite);

        var incoming = await IncomingCallAsync(tv);
        var final = await sent;

        Assert.NotEqual("auto-answer", incoming.Decision);
        Assert.False(incoming.CallerBound, $"asserted {incoming.AssertedIdentity}, from {incoming.Caller}");
        Assert.Null(incoming.AnswerMode);
        Assert.True(RawSip.Status(final) == 486, final);
    }

    private static void AssertRingsNormally(IncomingCallEvent incoming)
    {
        Assert.NotEqual("auto-answer", incoming.Decision);
        Assert.Null(incoming.AnswerMode);
        Assert.False(incoming.CallInfoAnswerAfter);
        Assert.False(incoming.AlertInfoAutoAnswer);
        Assert.False(incoming.CallerBound, $"asserted {incoming.AssertedIdentity}, from {incoming.Caller}");
        Assert.DoesNotContain("alice", incoming.AssertedIdentity ?? "", StringComparison.Ordinal);
    }

    private static async Task<IncomingCallEvent> IncomingCallAsync(TerminalAgent tv)
    {
        using var timeout = new CancellationTokenSource(Within);
        for (var i = 0; i < 200; i++)
        {
            var next = await tv.Events.ReadAsync(timeout.Token);
            if (next is IncomingCallEvent incoming)
            {
                return incoming;
            }
        }
        throw new InvalidOperationException("no incoming call among 200 events");
    }
}
