using CallCluster.Actors.MediaProtocol;
using CallCluster.Actors.Serialization;
using CallCluster.Sip.Dialogs;
using static CallCluster.Actors.Sessions.SessionCommands;
using static CallCluster.Actors.Sessions.SessionEffects;
using static CallCluster.Actors.Sessions.SessionEvents;
using static CallCluster.Actors.Sessions.SessionReplies;

namespace CallCluster.Actors.Sessions;

/// <summary>
/// Manifests of the session family, prefixed "s": <c>sc</c> commands, <c>sq</c> queries,
/// <c>se</c> events, <c>ss</c> snapshot, <c>sf</c> effects, <c>sr</c> replies. Never rename or
/// reuse one; a changed shape gets a new manifest and the old line stays with an upcaster.
/// </summary>
public sealed class SessionSerializationCatalog : ISerializationCatalog
{
    private static readonly SessionId S = new("s-1");
    private static readonly LegId L = new("s-1.2");
    private static readonly DateTimeOffset T = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly Party Alice = new("sip:alice@example.org");
    private static readonly Party Tv = new("sip:tv@example.org", PartyKind.Subscriber, null, "TV");
    private static readonly Party Carrier = new("sip:+3312345@carrier", PartyKind.Trunk, "carrier");

    public IEnumerable<ManifestEntry> Entries =>
    [
        new("sc1", typeof(InboundInvite), () => new InboundInvite(S, new LegId("in-1"), SessionKind.Home, Alice, Tv, LegRole.LocalTerminal, SampleDialog, "v=0", true, NewSession: true)),
        new("sc2", typeof(StartClickToCall), () => new StartClickToCall(S, Alice, Tv, Carrier, true)),
        new("sc3", typeof(ProvisionalReceived), () => new ProvisionalReceived(S, L, 180, null)),
        new("sc4", typeof(AnswerReceived), () => new AnswerReceived(S, L, SampleDialog, "v=0")),
        new("sc5", typeof(FailureReceived), () => new FailureReceived(S, L, 486, "Busy Here")),
        new("sc6", typeof(ByeReceived), () => new ByeReceived(S, L)),
        new("sc7", typeof(CancelReceived), () => new CancelReceived(S, L)),
        new("sc8", typeof(ReInviteReceived), () => new ReInviteReceived(S, L, "v=0", 3, true)),
        new("sc9", typeof(AckReceived), () => new AckReceived(S, L)),
        new("sc10", typeof(SessionTimerRefreshed), () => new SessionTimerRefreshed(S, L)),
        new("sc11", typeof(SessionTimerExpired), () => new SessionTimerExpired(S, L)),
        new("sc12", typeof(MediaEndpointReady), () => new MediaEndpointReady(S, L, "akka.tcp://callcluster@m1:4053", "ep-1", "v=0")),
        new("sc13", typeof(MediaAllocationFailed), () => new MediaAllocationFailed(S, L, "ports exhausted")),
        new("sc14", typeof(MediaEndpointDead), () => new MediaEndpointDead(S, "ep-1")),
        new("sc15", typeof(MediaNodeLost), () => new MediaNodeLost(S, "akka.tcp://callcluster@m1:4053")),
        new("sc16", typeof(ConfirmCdr), () => new ConfirmCdr(S)),
        new("sc17", typeof(ResumeMedia), () => new ResumeMedia(S)),
        new("sc18", typeof(RetryMedia), () => new RetryMedia(S)),

        new("sq1", typeof(SessionQueries.GetSession), () => new SessionQueries.GetSession(S)),
        new("sq2", typeof(SessionQueries.SessionNotFound), () => new SessionQueries.SessionNotFound(S)),
        new("sq3", typeof(SessionView), () => SessionView.From(SampleState)),

        new("se1", typeof(SessionCreated), () => new SessionCreated(S, SessionKind.Plain, Carrier, true, T)),
        new("se2", typeof(LegAdded), () => new LegAdded(S, L, LegDirection.Inbound, LegRole.Caller, Carrier, new LegId("s-1.3"), SampleDialog, "v=0", T)),
        new("se3", typeof(LegInvited), () => new LegInvited(S, L, "s-1.2", "ccs-1-2", "v=0", T)),
        new("se4", typeof(LegProvisional), () => new LegProvisional(S, L, 183, T)),
        new("se5", typeof(LegAnswered), () => new LegAnswered(S, L, SampleDialog, "v=0", null, T)),
        new("se6", typeof(LegSdpChanged), () => new LegSdpChanged(S, L, "v=0", 4, T)),
        new("se7", typeof(LegEnded), () => new LegEnded(S, L, LegEndCause.Rejected, 486, T)),
        new("se8", typeof(SessionPhaseChanged), () => new SessionPhaseChanged(S, SessionPhase.ThreeParty, T)),
        new("se9", typeof(MediaAnchored), () => new MediaAnchored(S, L, "akka.tcp://callcluster@m1:4053", "ep-1", "v=0", T)),
        new("se10", typeof(MediaDetached), () => new MediaDetached(S, L, "media node lost", T)),
        new("se11", typeof(MediaTopologyChanged), () => new MediaTopologyChanged(S, MediaTopologyKind.Bridge, ["ep-1", "ep-2"], T)),
        new("se12", typeof(SessionEnded), () => new SessionEnded(S, SessionEndReason.RemoteBusy, 486, T)),
        new("se13", typeof(CdrConfirmed), () => new CdrConfirmed(S, T)),
        new("se14", typeof(SessionStep), () => new SessionStep(S, [new LegEnded(S, L, LegEndCause.Rejected, 486, T), new SessionEnded(S, SessionEndReason.RemoteBusy, 486, T)])),
        new("ss1", typeof(SessionSnapshot), () => new SessionSnapshot(SampleState)),

        new("sf1", typeof(SendInvite), () => new SendInvite(S, L, "s-1.2", "ccs-1-2", Alice, Tv, "v=0", [new SipHeader("Answer-Mode", "Auto")])),
        new("sf2", typeof(SendProvisional), () => new SendProvisional(S, L, 180, null)),
        new("sf3", typeof(AnswerInvite), () => new AnswerInvite(S, L, SampleDialog, "v=0")),
        new("sf4", typeof(RejectInvite), () => new RejectInvite(S, L, 480, "Temporarily Unavailable")),
        new("sf5", typeof(SendBye), () => new SendBye(S, L, SampleDialog, "peer hung up")),
        new("sf6", typeof(SendCancel), () => new SendCancel(S, L, "s-1.2", "ccs-1-2", "caller cancelled")),
        new("sf7", typeof(SendReInvite), () => new SendReInvite(S, L, SampleDialog, "v=0")),
        new("sf8", typeof(AllocateMedia), () => new AllocateMedia(S, L, "mobile", "v=0", null)),
        new("sf9", typeof(ConfigureMedia), () => new ConfigureMedia(S, L, "ep-1", "v=0")),
        new("sf10", typeof(MixMedia), () => new MixMedia(S, ["ep-1", "ep-2"], [new VideoRoute("ep-1", "ep-2")])),
        new("sf11", typeof(TransferMediaToBridge), () => new TransferMediaToBridge(S, "ep-1", "ep-2")),
        new("sf12", typeof(ReleaseMedia), () => new ReleaseMedia(S, "ep-1")),
        new("sf13", typeof(ReleaseSessionMedia), () => new ReleaseSessionMedia(S)),
        new("sf14", typeof(WriteSessionCdr), () => new WriteSessionCdr(S)),

        new("sr1", typeof(Accepted), () => new Accepted(S)),
        new("sr2", typeof(Rejected), () => new Rejected(S, 486, "busy")),
        new("sr3", typeof(InDialogAnswer), () => new InDialogAnswer(S, L, 200, "v=0")),
        new("sr4", typeof(Unavailable), () => new Unavailable(S, 503, 5, "journal down")),
    ];

    private static DialogState SampleDialog => new()
    {
        CallId = "c1@example.org",
        LocalTag = "a1",
        RemoteTag = "b2",
        LocalUri = "sip:cluster@example.org",
        RemoteUri = "sip:alice@example.org",
        RemoteTarget = "sip:alice@192.0.2.4:5060",
        LocalContact = "sip:s-1@cluster.example.org",
        RouteSet = ["<sip:edge.example.org;lr>"],
        LocalCSeq = 1,
        RemoteCSeq = 7,
    };

    private static SessionState SampleState => SessionState.Replay(S,
    [
        new SessionCreated(S, SessionKind.Home, Alice, true, T),
        new LegAdded(S, new LegId("in-1"), LegDirection.Inbound, LegRole.Mobile, Alice, L, SampleDialog, "v=0", T),
        new LegAdded(S, L, LegDirection.Outbound, LegRole.LocalTerminal, Tv, new LegId("in-1"), null, null, T),
        new MediaAnchored(S, L, "m1", "ep-1", "v=0", T),
        new LegInvited(S, L, "s-1.2", "ccs-1-2", "v=0", T),
        new LegAnswered(S, L, SampleDialog, "v=0", null, T.AddSeconds(2)),
        new MediaTopologyChanged(S, MediaTopologyKind.Mix, ["ep-1"], T),
        new SessionPhaseChanged(S, SessionPhase.Established, T.AddSeconds(2)),
    ]);
}
