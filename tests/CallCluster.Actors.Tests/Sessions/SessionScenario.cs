using CallCluster.Actors.Sessions;
using CallCluster.Sip.Dialogs;
using static CallCluster.Actors.Sessions.SessionCommands;

namespace CallCluster.Actors.Tests.Sessions;

/// <summary>Drives a <see cref="SessionState"/> through commands and checks replay after every step.</summary>
internal sealed class SessionScenario
{
    /// <summary>A plain call's audio offer (PCMU, PCMA) and answer (PCMU).</summary>
    public const string PlainOffer = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0 8\r\n";
    public const string PlainAnswer = "v=0\r\no=- 2 1 IN IP4 192.0.2.2\r\ns=-\r\nc=IN IP4 192.0.2.2\r\nt=0 0\r\nm=audio 5000 RTP/AVP 0\r\n";

    public static readonly Party Mobile = new("sip:alice@home.test");
    public static readonly Party Tv = new("sip:tv@home.test");
    public static readonly Party RemoteParty = new("sip:bob@far.test");
    public static readonly Party Carol = new("sip:carol@home.test");

    public static readonly PartyTarget ToTv = new(Tv, LegRole.LocalTerminal);
    public static readonly PartyTarget ToRemote = new(RemoteParty, LegRole.Remote);

    private readonly List<ISessionEvent> _events = [];

    public SessionScenario(string id = "s1")
    {
        Id = new SessionId(id);
        State = SessionState.Empty(Id);
    }

    public SessionId Id { get; }

    /// <summary>A call target and the role the gateway gives it.</summary>
    public sealed record PartyTarget(Party Party, LegRole Role);

    public SessionState State { get; private set; }

    public DateTimeOffset Now { get; private set; } = new(2026, 11, 24, 3, 0, 0, TimeSpan.Zero);

    public Decision Last { get; private set; } = null!;

    public IReadOnlyList<ISessionEvent> Events => _events;

    public Decision Run(ISessionCommand command)
    {
        Last = State.Decide(command, Now);
        foreach (var e in Last.Events)
        {
            State = State.Apply(e);
            _events.Add(e);
        }

        Now = Now.AddSeconds(1);
        Assert.Equal(State, SessionState.Replay(Id, _events));
        Assert.Equal(State, Last.After);
        return Last;
    }

    public T Effect<T>() where T : ISessionEffect => Assert.Single(Last.Effects.OfType<T>());

    public IReadOnlyList<T> Effects<T>() where T : ISessionEffect => Last.Effects.OfType<T>().ToList();

    public LegState Leg(LegId id) => State.Leg(id) ?? throw new InvalidOperationException($"no leg {id}");

    public LegState LegOf(LegRole role) => State.Legs.Last(l => l.Role == role);

    public LegId PartnerOf(LegId id) => Leg(id).Partner ?? throw new InvalidOperationException("no partner");

    public static DialogState Dialog(string callId, long localCSeq = 1) => new()
    {
        CallId = callId,
        LocalTag = "lt-" + callId,
        RemoteTag = "rt-" + callId,
        LocalUri = "sip:cluster@home.test",
        RemoteUri = "sip:peer@home.test",
        RemoteTarget = "sip:peer@192.0.2.1:5060",
        LocalContact = "sip:s1@cluster.test",
        RouteSet = ["<sip:edge.test;lr>"],
        LocalCSeq = localCSeq,
        RemoteCSeq = 10,
    };

    public Decision Invite(string legId, SessionKind kind, Party caller, Party target, LegRole role, bool anchor = true) =>
        Run(new InboundInvite(Id, new LegId(legId), kind, caller, target, role, Dialog(legId), "offer-" + legId, anchor));

    /// <summary>The media role answers every outstanding allocation.</summary>
    public void MediaReadyForAll()
    {
        foreach (var leg in State.Legs.Where(l => l.IsLive && l.EndpointId is null).ToList())
        {
            Run(new MediaEndpointReady(Id, leg.Id, "media-1", "ep-" + leg.Id.Value, "local-sdp-" + leg.Id.Value));
        }
    }

    public Decision Answer(LegId outbound) => Run(new AnswerReceived(Id, outbound, Dialog(outbound.Value), "answer-" + outbound.Value));

    public Decision Fail(LegId outbound, int status) => Run(new FailureReceived(Id, outbound, status, null));

    public Decision Bye(LegId leg) => Run(new ByeReceived(Id, leg));

    public Decision Ring(LegId outbound, int status = 180) => Run(new ProvisionalReceived(Id, outbound, status, null));

    /// <summary>Home session: mobile calls the TV (leg m1) and the remote (leg m2), endpoints ready.</summary>
    public (LegId M1, LegId Local, LegId M2, LegId Remote) StartHome(bool both = true)
    {
        Invite("m1", SessionKind.Home, Mobile, Tv, LegRole.LocalTerminal);
        if (both)
        {
            Invite("m2", SessionKind.Home, Mobile, RemoteParty, LegRole.Remote);
        }

        MediaReadyForAll();
        var m1 = new LegId("m1");
        var m2 = new LegId("m2");
        return (m1, PartnerOf(m1), m2, both ? PartnerOf(m2) : new LegId("none"));
    }

    /// <summary>Home session in the three-party phase.</summary>
    public (LegId M1, LegId Local, LegId M2, LegId Remote) StartThreeParty()
    {
        var legs = StartHome();
        Answer(legs.Local);
        Answer(legs.Remote);
        Assert.Equal(SessionPhase.ThreeParty, State.Phase);
        return legs;
    }

    /// <summary>Plain call a to b, endpoints ready, INVITE sent.</summary>
    public (LegId Caller, LegId Callee) StartPlain(bool anchor = true)
    {
        Invite("a", SessionKind.Plain, Mobile, RemoteParty, LegRole.Callee, anchor);
        MediaReadyForAll();
        var a = new LegId("a");
        return (a, PartnerOf(a));
    }
}
