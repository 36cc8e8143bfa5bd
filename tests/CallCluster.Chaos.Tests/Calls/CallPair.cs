using System.Net;
using CallCluster.Chaos.Tests.Cluster;
using CallCluster.Terminal;

namespace CallCluster.Chaos.Tests.Calls;

/// <summary>A caller and a callee terminal agent with one established call between them.</summary>
public sealed class CallPair(Phone caller, Phone callee, string callerCallId)
{
    public const string Password = "chaos-secret";

    public Phone Caller { get; } = caller;

    public Phone Callee { get; } = callee;

    public string CallerCallId { get; } = callerCallId;

    public IEnumerable<Phone> Phones => [Caller, Callee];

    /// <summary>Provisions callerN/calleeN for N in 1..<paramref name="count"/> on <paramref name="node"/>.</summary>
    public static async Task ProvisionAsync(ClusterNode node, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            foreach (var user in new[] { $"caller{i}", $"callee{i}" })
            {
                Assert.True(await node.UpsertSubscriberAsync(user, Password) is 200 or 201, $"provisioning {user}");
            }
        }
    }

    /// <summary>
    /// Starts <paramref name="count"/> (at most 20: distinct tones 40 Hz apart) pairs of agents registered through <paramref name="registrar"/>
    /// and places one call per pair; returns once every pair hears the other's tone.
    /// <paramref name="phones"/> collects every agent started (the caller disposes them).
    /// </summary>
    public static async Task<List<CallPair>> ConnectAsync(LocalCluster cluster, IPEndPoint registrar, int count, List<Phone> phones, TimeSpan bound, bool video = true)
    {
        var pairs = new List<CallPair>();
        for (var i = 1; i <= count; i++)
        {
            var caller = await Phone.StartAsync(Options($"caller{i}", registrar, 300 + (40 * i), answer: false) with { Video = video ? VideoCodec.Vp8 : VideoCodec.None });
            phones.Add(caller);
            var callee = await Phone.StartAsync(Options($"callee{i}", registrar, 1160 + (40 * i), answer: true) with { Video = video ? VideoCodec.Vp8 : VideoCodec.None });
            phones.Add(callee);
            foreach (var phone in new[] { caller, callee })
            {
                await cluster.WaitUntilAsync(() => phone.Agent.RegisterAsync(), bound, $"{phone.User} registers");
            }
            var call = await caller.Agent.PlaceCallAsync(callee.User);
            pairs.Add(new CallPair(caller, callee, call.CallId));
        }
        foreach (var pair in pairs)
        {
            await pair.WaitUntilAsync(cluster, () => pair.HearEachOther(), bound, "hear each other's tone");
        }
        return pairs;
    }

    /// <summary>As <see cref="LocalCluster.WaitUntilAsync"/>; on timeout the message also holds both phones' events and streams.</summary>
    public async Task WaitUntilAsync(LocalCluster cluster, Func<bool> condition, TimeSpan bound, string what)
    {
        try
        {
            await cluster.WaitUntilAsync(() => Task.FromResult(condition()), bound, $"{Caller.User} and {Callee.User} {what}");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{Describe(Caller)}\n{Describe(Callee)}\n{e.Message}", e);
        }
    }

    /// <summary>The phone's events (media stats left out) and its calls with their audio counters and tones, for failure messages.</summary>
    public static string Describe(Phone phone) =>
        $"{phone.User} events: {string.Join("; ", phone.Events.Where(e => e is not MediaStatsEvent))}\n{phone.User} calls: {string.Join("; ", phone.Agent.GetStats().Calls.Select(c => $"{c.CallId} {c.State} {string.Join(",", c.Streams.Select(s => $"{s.Media} remote={s.Remote} rx={s.PacketsReceived} tx={s.PacketsSent} tones={string.Join("/", s.CurrentTones)}"))}"))}";

    public static TerminalOptions Options(string user, IPEndPoint registrar, double toneHz, bool answer) => new()
    {
        User = user,
        Password = Password,
        Domain = GatewayNode.Domain,
        Registrar = registrar,
        ToneHz = toneHz,
        AnswerAfterRinging = answer,
        RingTime = TimeSpan.FromMilliseconds(200),
        RegisterExpires = 600,
    };

    /// <summary>
    /// True when each side's detector has the other's tone among its recent windows. The detector
    /// only moves when packets arrive: check <see cref="Phone.Audio"/> counts too after a fault.
    /// </summary>
    public bool HearEachOther() => Hears(Caller, Callee) && Hears(Callee, Caller);

    public static bool Hears(Phone phone, Phone peer) =>
        phone.Audio()?.CurrentTones.Any(t => Math.Abs(t - peer.Agent.Options.ToneHz) <= 20) == true;

    /// <summary>Caller hangs up; returns once the callee saw the BYE (both sides ended as expected).</summary>
    public async Task HangUpAsync(LocalCluster cluster, TimeSpan bound)
    {
        var calleeId = Callee.EstablishedCallId() ?? throw new InvalidOperationException($"{Callee.User} has no established call");
        Assert.True(await Caller.Agent.HangupAsync(CallerCallId), $"{Caller.User} hangs up");
        await cluster.WaitUntilAsync(() => Task.FromResult(Callee.Ended(calleeId) is not null), bound, $"{Callee.User} receives the BYE");
        Assert.Equal("local-bye", Caller.Ended(CallerCallId)?.Reason);
        Assert.Equal("remote-bye", Callee.Ended(calleeId)!.Reason);
    }
}
