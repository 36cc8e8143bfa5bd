using CallCluster.Actors.Sessions;
using static CallCluster.Actors.Sessions.SessionCommands;
using static CallCluster.Actors.Sessions.SessionEvents;

namespace CallCluster.Actors.Tests.Sessions;

public sealed class SessionDurabilityTests
{
    [Fact]
    public void A_bypassed_plain_call_costs_three_journal_rows_from_invite_to_confirmed_cdr()
    {
        var (sc, rows) = PlainCall(anchor: false);

        Assert.Equal(3, rows.Count);
        Assert.IsType<SessionStep>(rows[0]);
        Assert.Contains(((SessionStep)rows[0]).Events, e => e is SessionCreated);
        Assert.Contains(((SessionStep)rows[^1]).Events, e => e is SessionEnded);
        Assert.Equal(SessionPhase.Ended, sc.State.Phase);
    }

    [Fact]
    public void An_anchored_plain_call_adds_one_row_per_endpoint_allocation()
    {
        var (_, rows) = PlainCall(anchor: true);

        Assert.Equal(5, rows.Count);
        Assert.Equal(2, rows.SelectMany(Flatten).OfType<MediaAnchored>().Count());
    }

    [Fact]
    public void Replaying_the_rows_gives_the_live_state_except_what_is_kept_in_memory_only()
    {
        var (sc, rows) = PlainCall(anchor: true);
        var recovered = SessionState.Replay(sc.Id, rows);

        Assert.Equal(SessionPhase.Ending, recovered.Phase);
        Assert.Equal(sc.State.Legs, recovered.Legs);
        Assert.Equal(sc.State with { Phase = SessionPhase.Ending }, recovered);
    }

    [Fact]
    public void Provisionals_and_the_cdr_confirmation_are_never_journalled()
    {
        var id = new SessionId("s1");
        var at = DateTimeOffset.UnixEpoch;
        Assert.Null(SessionDurability.ToJournal(id, [new LegProvisional(id, new LegId("b"), 180, at), new CdrConfirmed(id, at)]));

        var ended = new SessionEnded(id, SessionEndReason.NormalClearing, null, at);
        Assert.Same(ended, SessionDurability.ToJournal(id, [new LegProvisional(id, new LegId("b"), 180, at), ended]));
    }

    [Fact]
    public void A_session_recovered_while_ringing_sees_its_leg_as_still_inviting()
    {
        var sc = new SessionScenario();
        var (_, callee) = sc.StartPlain(anchor: false);
        Assert.Null(SessionDurability.ToJournal(sc.Id, sc.Ring(callee).Events));

        Assert.Equal(LegPhase.Early, sc.Leg(callee).Phase);
        var recovered = SessionState.Replay(sc.Id, sc.Events.Where(SessionDurability.IsDurable));
        Assert.Equal(LegPhase.Inviting, recovered.Leg(callee)!.Phase);
        Assert.Equal(SessionPhase.Ringing, sc.State.Phase);
        Assert.Equal(SessionPhase.Setup, recovered.Phase);
    }

    [Fact]
    public void A_detach_from_a_lost_media_node_is_not_journalled_and_recovery_finds_the_old_endpoint()
    {
        var sc = new SessionScenario();
        var (caller, callee) = sc.StartPlain();
        sc.Answer(callee);
        var anchored = sc.Leg(caller);

        var lost = sc.Run(new MediaNodeLost(sc.Id, anchored.MediaNode!));
        Assert.Equal(2, lost.Events.OfType<MediaDetached>().Count());
        Assert.Null(SessionDurability.ToJournal(sc.Id, lost.Events));
        Assert.Null(sc.Leg(caller).EndpointId);

        var recovered = SessionState.Replay(sc.Id, sc.Events.Where(SessionDurability.IsDurable));
        Assert.Equal((anchored.EndpointId, anchored.MediaNode), (recovered.Leg(caller)!.EndpointId, recovered.Leg(caller)!.MediaNode));
    }

    [Fact]
    public void A_step_inside_a_decision_is_refused()
    {
        var id = new SessionId("s1");
        var step = new SessionStep(id, []);
        Assert.Throws<ArgumentException>(() => SessionDurability.ToJournal(id, [step]));
    }

    private static (SessionScenario Scenario, List<ISessionEvent> Rows) PlainCall(bool anchor)
    {
        var sc = new SessionScenario();
        var rows = new List<ISessionEvent>();
        var invite = sc.Invite("a", SessionKind.Plain, SessionScenario.Mobile, SessionScenario.RemoteParty, LegRole.Callee, anchor);
        Record(sc, rows, invite);
        var caller = new LegId("a");
        var callee = sc.PartnerOf(caller);
        if (anchor)
        {
            Record(sc, rows, sc.Run(new MediaEndpointReady(sc.Id, caller, "media-1", "ep-a", "local-a")));
            Record(sc, rows, sc.Run(new MediaEndpointReady(sc.Id, callee, "media-1", "ep-b", "local-b")));
        }

        Record(sc, rows, sc.Ring(callee));
        Record(sc, rows, sc.Answer(callee));
        Record(sc, rows, sc.Run(new AckReceived(sc.Id, caller)));
        Record(sc, rows, sc.Bye(caller));
        Record(sc, rows, sc.Run(new ConfirmCdr(sc.Id)));
        return (sc, rows);
    }

    private static void Record(SessionScenario sc, List<ISessionEvent> rows, Decision decision)
    {
        if (SessionDurability.ToJournal(sc.Id, decision.Events) is { } row)
        {
            rows.Add(row);
        }
    }

    private static IEnumerable<ISessionEvent> Flatten(ISessionEvent e) => e is SessionStep s ? s.Events : [e];
}
