using System.Net;
using CallCluster.Chaos.Tests.Cluster;
using CallCluster.Terminal;

namespace CallCluster.Chaos.Tests.Calls;

/// <summary>
/// A household's video call (DESIGN section 1) between terminal agents: mobileN calls its bound
/// tvN (auto-answered) and then remoteN (joined into the same home session by the implicit rule),
/// the three-party phase; <see cref="LeaveAsync"/> makes the mobile leave, the bridged phase.
/// </summary>
public sealed class HomeCall
{
    private HomeCall(Phone mobile, Phone tv, Phone remote, string toTv, string toRemote)
    {
        Mobile = mobile;
        Tv = tv;
        Remote = remote;
        ToTv = toTv;
        ToRemote = toRemote;
    }

    public Phone Mobile { get; }

    public Phone Tv { get; }

    public Phone Remote { get; }

    /// <summary>The mobile's call to the TV.</summary>
    public string ToTv { get; }

    /// <summary>The mobile's call to the remote party.</summary>
    public string ToRemote { get; }

    /// <summary>False once the mobile left (bridged phase).</summary>
    public bool MobileIn { get; private set; } = true;

    public IEnumerable<Phone> Phones => MobileIn ? [Mobile, Tv, Remote] : [Tv, Remote];

    /// <summary>Subscribers mobileN (mobile), tvN (local terminal), remoteN (other) and household homeN binding tvN to mobileN.</summary>
    public static async Task ProvisionAsync(ClusterNode node, int number)
    {
        foreach (var (user, kind) in new[] { ($"mobile{number}", "mobile"), ($"tv{number}", "local-terminal"), ($"remote{number}", "other") })
        {
            Assert.True(await node.PostAsync("/api/v1/subscribers", new { user, kind, password = CallPair.Password }) is 200 or 201, $"provisioning {user}");
        }
        Assert.True(await node.PostAsync("/api/v1/households", new { id = $"home{number}", mobiles = new[] { $"mobile{number}" }, localTerminals = new[] { $"tv{number}" } }) is 200 or 201,
            $"provisioning home{number}");
    }

    /// <summary>
    /// Starts the three agents (tones from <paramref name="tones"/>: mobile, TV, remote), registers
    /// them, places both calls and returns once each of the three hears the two others.
    /// </summary>
    public static async Task<HomeCall> ConnectAsync(LocalCluster cluster, IPEndPoint registrar, int number, double[] tones, List<Phone> phones, TimeSpan bound)
    {
        TerminalOptions Options(string user, double tone, IReadOnlyList<string> bound, bool answer) =>
            CallPair.Options(user, registrar, tone, answer) with { BoundMobiles = bound };

        var mobile = await Phone.StartAsync(Options($"mobile{number}", tones[0], [], answer: false));
        phones.Add(mobile);
        var tv = await Phone.StartAsync(Options($"tv{number}", tones[1], [$"mobile{number}"], answer: false));
        phones.Add(tv);
        var remote = await Phone.StartAsync(Options($"remote{number}", tones[2], [], answer: true));
        phones.Add(remote);
        foreach (var phone in new[] { mobile, tv, remote })
        {
            await cluster.WaitUntilAsync(() => phone.Agent.RegisterAsync(), bound, $"{phone.User} registers");
        }

        var toTv = await mobile.Agent.PlaceCallAsync(tv.User);
        await cluster.WaitUntilAsync(() => Task.FromResult(Answered(mobile, toTv.CallId)), bound, $"{tv.User} auto-answers {mobile.User}");
        Assert.Contains(tv.Events.OfType<IncomingCallEvent>(), e => e.Decision == "auto-answer");
        var toRemote = await mobile.Agent.PlaceCallAsync(remote.User);
        await cluster.WaitUntilAsync(() => Task.FromResult(Answered(mobile, toRemote.CallId)), bound, $"{remote.User} answers {mobile.User}");
        var call = new HomeCall(mobile, tv, remote, toTv.CallId, toRemote.CallId);
        await call.WaitUntilAsync(cluster, call.HearEachOther, bound, "three-party: each hears the two others");
        return call;
    }

    /// <summary>Every phone still in the call hears exactly the others' tones (the mobile on either of its calls).</summary>
    public bool HearEachOther() => Phones.All(p => Tones(p).SetEquals(Phones.Where(o => o != p).Select(o => (int)o.Agent.Options.ToneHz)));

    /// <summary>
    /// The mobile hangs up its call to the TV: the cluster ends its call to the remote; the TV and
    /// the remote stay connected (no BYE to either) and hear each other.
    /// </summary>
    public async Task LeaveAsync(LocalCluster cluster, TimeSpan bound)
    {
        Assert.True(await Mobile.Agent.HangupAsync(ToTv), $"{Mobile.User} hangs up its call to {Tv.User}");
        await cluster.WaitUntilAsync(() => Task.FromResult(Mobile.Ended(ToRemote) is not null), bound, $"the cluster ends {Mobile.User}'s call to {Remote.User}");
        MobileIn = false;
        await WaitUntilAsync(cluster, HearEachOther, bound, "bridged: TV and remote hear each other");
        Assert.Null(Tv.Events.OfType<CallEndedEvent>().FirstOrDefault());
        Assert.Null(Remote.Events.OfType<CallEndedEvent>().FirstOrDefault());
    }

    /// <summary>The mobile (when still in) hangs up both calls, else the TV hangs up; returns once every other side saw its BYE.</summary>
    public async Task EndAsync(LocalCluster cluster, TimeSpan bound)
    {
        if (MobileIn)
        {
            Assert.True(await Mobile.Agent.HangupAsync(ToTv), $"{Mobile.User} hangs up its call to {Tv.User}");
            await cluster.WaitUntilAsync(() => Task.FromResult(Mobile.Ended(ToRemote) is not null), bound, $"the cluster ends {Mobile.User}'s call to {Remote.User}");
            MobileIn = false;
        }
        var tvCall = Tv.EstablishedCallId() ?? throw new InvalidOperationException($"{Tv.User} has no established call");
        var remoteCall = Remote.EstablishedCallId() ?? throw new InvalidOperationException($"{Remote.User} has no established call");
        Assert.True(await Tv.Agent.HangupAsync(tvCall), $"{Tv.User} hangs up");
        await cluster.WaitUntilAsync(() => Task.FromResult(Remote.Ended(remoteCall) is not null), bound, $"{Remote.User} receives the BYE");
        Assert.Equal("remote-bye", Remote.Ended(remoteCall)!.Reason);
    }

    /// <summary>As <see cref="LocalCluster.WaitUntilAsync"/>; on timeout the message holds every phone's events and streams.</summary>
    public async Task WaitUntilAsync(LocalCluster cluster, Func<bool> condition, TimeSpan bound, string what)
    {
        try
        {
            await cluster.WaitUntilAsync(() => Task.FromResult(condition()), bound, $"home call {Mobile.User}: {what}");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{string.Join("\n", new[] { Mobile, Tv, Remote }.Select(CallPair.Describe))}\n{e.Message}", e);
        }
    }

    /// <summary>Tones heard on any of the phone's established calls.</summary>
    public static IReadOnlySet<int> Tones(Phone phone) =>
        phone.Agent.GetStats().Calls.Where(c => c.State == "established")
            .SelectMany(c => c.Streams.Where(s => s.Media == "audio").SelectMany(s => s.CurrentTones))
            .ToHashSet();

    /// <summary>Audio packets received on all of the phone's established calls.</summary>
    public static long Received(Phone phone) =>
        phone.Agent.GetStats().Calls.Where(c => c.State == "established")
            .Sum(c => c.Streams.Where(s => s.Media == "audio").Sum(s => s.PacketsReceived));

    private static bool Answered(Phone phone, string callId) =>
        phone.Events.OfType<CallAnsweredEvent>().Any(e => e.CallId == callId);
}
