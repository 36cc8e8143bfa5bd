using Akka.Actor;
using Akka.TestKit;
using CallCluster.Actors.MediaProtocol;
using CallCluster.Actors.Sessions;
using Xunit.Abstractions;
using static CallCluster.Actors.Sessions.SessionCommands;
using static CallCluster.Actors.Sessions.SessionEffects;
using static CallCluster.Actors.Sessions.SessionReplies;

namespace CallCluster.Actors.Tests.Sessions;

public sealed class HomeSessionActorSpecs : Akka.TestKit.Xunit2.TestKit
{
    private const string Config = """
        akka.loglevel = WARNING
        akka.persistence.journal.plugin = "akka.persistence.journal.inmem"
        akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.inmem"
        """;

    private const string MobileOffer = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\nm=video 4002 RTP/AVP 96\r\na=rtpmap:96 VP8/90000\r\n";
    private const string PeerAnswer = "v=0\r\no=- 2 1 IN IP4 192.0.2.2\r\ns=-\r\nc=IN IP4 192.0.2.2\r\nt=0 0\r\nm=audio 5000 RTP/AVP 0\r\nm=video 5002 RTP/AVP 96\r\na=rtpmap:96 VP8/90000\r\n";

    private readonly TestProbe _gateway;
    private readonly TestProbe _media;
    private readonly TestProbe _cdr;
    private readonly TestProbe _shard;
    private readonly SessionId _id = new("home-1");
    private readonly IActorRef _entity;

    public HomeSessionActorSpecs(ITestOutputHelper output)
        : base(Config, output: output)
    {
        _gateway = CreateTestProbe("gateway");
        _media = CreateTestProbe("media");
        _cdr = CreateTestProbe("cdr");
        _shard = CreateTestProbe("shard");
        _entity = Sys.ActorOf(EntityParent.Props(SessionActor.Props(_id.Value, _gateway.Ref, _media.Ref, _cdr.Ref), _shard.Ref));
    }

    private static IReadOnlyList<AllocatedStream> Streams(int port) =>
        [new AllocatedStream(MediaKind.Audio, port, port + 1, false), new AllocatedStream(MediaKind.Video, port + 2, port + 3, false)];

    /// <summary>
    /// The mobile's INVITE; both endpoint allocations arrive at <paramref name="allocator"/> (the router
    /// for a session's first endpoints, else the node already holding them) and <paramref name="node"/>
    /// allocates them; returns the outbound INVITE.
    /// </summary>
    private SendInvite MobileCalls(string leg, SessionScenario.PartyTarget target, TestProbe allocator, TestProbe node, int port)
    {
        _entity.Tell(new InboundInvite(_id, new LegId(leg), SessionKind.Home, SessionScenario.Mobile, target.Party, target.Role, SessionScenario.Dialog(leg), MobileOffer));
        ExpectMsg<Accepted>();
        var inbound = allocator.ExpectMsg<AllocateEndpoint>();
        var outbound = allocator.ExpectMsg<AllocateEndpoint>();
        Assert.Equal(("mobile", 2), (inbound.ParticipantId, inbound.Streams.Count));
        node.Send(_entity, new EndpointAllocated(_id.Value, inbound.LegId, "ep-" + leg, "198.51.100.7", Streams(port)));
        Assert.Equal(2, node.ExpectMsg<ConfigureEndpoint>().Streams.Count);
        node.Send(_entity, new EndpointAllocated(_id.Value, outbound.LegId, "ep-" + leg + "-out", "198.51.100.7", Streams(port + 4)));
        return _gateway.ExpectMsg<SendInvite>();
    }

    /// <summary>The answer to <paramref name="invite"/>; the endpoint configuration and the mix reach <paramref name="node"/>.</summary>
    private void Answers(SendInvite invite, string mobileLeg, TestProbe node, int mixSize)
    {
        _entity.Tell(new AnswerReceived(_id, invite.LegId, SessionScenario.Dialog(invite.LegId.Value), PeerAnswer));
        ExpectMsg<Accepted>();
        var answer = _gateway.ExpectMsg<AnswerInvite>();
        Assert.Equal(mobileLeg, answer.LegId.Value);
        Assert.Contains("m=video", answer.Sdp);
        node.ExpectMsg<ConfigureEndpoint>();
        Assert.Equal(mixSize, node.ExpectMsg<CreateMix>().EndpointIds.Count);
    }

    [Fact]
    public void Home_call_runs_three_party_then_the_mobile_leaves_and_the_media_moves_to_a_bridge()
    {
        var node = CreateTestProbe("media-node");
        var toTv = MobileCalls("m1", SessionScenario.ToTv, _media, node, 30000);
        Assert.Contains(toTv.Headers, h => h is { Name: "Answer-Mode", Value: "Auto" });
        var toRemote = MobileCalls("m2", SessionScenario.ToRemote, node, node, 30010);
        Assert.DoesNotContain(toRemote.Headers, h => h.Name == "Answer-Mode");

        Answers(toTv, "m1", node, 2);
        Answers(toRemote, "m2", node, 4);

        _entity.Tell(new ByeReceived(_id, new LegId("m1")));
        ExpectMsg<Accepted>();
        Assert.Equal("m2", _gateway.ExpectMsg<SendBye>().LegId.Value);
        Assert.Equal("ep-m1", node.ExpectMsg<ReleaseEndpoint>().EndpointId);
        Assert.Equal("ep-m2", node.ExpectMsg<ReleaseEndpoint>().EndpointId);
        var transfer = node.ExpectMsg<TransferToBridge>();
        Assert.Equal(("ep-m1-out", "ep-m2-out"), (transfer.EndpointIdA, transfer.EndpointIdB));
        _gateway.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        _media.ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        _entity.Tell(new SessionQueries.GetSession(_id));
        var view = ExpectMsg<SessionView>();
        Assert.Equal(SessionPhase.Bridged, view.Phase);
        Assert.Equal(2, view.Legs.Count(l => l.Phase == LegPhase.Confirmed));
    }

    [Fact]
    public void Losing_the_media_node_reallocates_and_reinvites_the_connected_legs()
    {
        var node = CreateTestProbe("media-node");
        var toTv = MobileCalls("m1", SessionScenario.ToTv, _media, node, 30000);
        Answers(toTv, "m1", node, 2);

        Sys.Stop(node.Ref);
        var again = new[] { _media.ExpectMsg<AllocateEndpoint>(), _media.ExpectMsg<AllocateEndpoint>() };
        Assert.Equal(["m1", toTv.LegId.Value], again.Select(a => a.LegId));

        var replacement = CreateTestProbe("media-node-2");
        replacement.Send(_entity, new EndpointAllocated(_id.Value, "m1", "ep-new-1", "203.0.113.9", Streams(40000)));
        var reinvite = _gateway.ExpectMsg<SendReInvite>();
        Assert.Equal("m1", reinvite.LegId.Value);
        Assert.Contains("c=IN IP4 203.0.113.9", reinvite.Sdp);
        Assert.Equal(SessionScenario.Dialog("m1").LocalCSeq + 1, reinvite.Dialog.LocalCSeq);
        replacement.ExpectMsg<ConfigureEndpoint>();

        replacement.Send(_entity, new EndpointAllocated(_id.Value, toTv.LegId.Value, "ep-new-2", "203.0.113.9", Streams(40010)));
        Assert.Equal(toTv.LegId, _gateway.ExpectMsg<SendReInvite>().LegId);
        replacement.ExpectMsg<ConfigureEndpoint>();
        Assert.Equal(["ep-new-1", "ep-new-2"], replacement.ExpectMsg<CreateMix>().EndpointIds);
        _media.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }
}
