using Akka.Actor;
using Akka.TestKit;
using CallCluster.Actors.Hosting;
using CallCluster.Actors.MediaProtocol;
using CallCluster.Actors.Sessions;
using CallCluster.Actors.Sessions.Media;
using Xunit.Abstractions;
using static CallCluster.Actors.Sessions.SessionCommands;
using static CallCluster.Actors.Sessions.SessionEffects;
using static CallCluster.Actors.Sessions.SessionReplies;

namespace CallCluster.Actors.Tests.Sessions;

/// <summary>
/// The session sends media commands to the node holding its endpoints, not to the router (whose
/// hashing moves when media nodes join or leave), also after it recovers elsewhere. Runs with
/// remoting so that node addresses carry host and port as in a cluster.
/// </summary>
public sealed class SessionMediaRoutingSpecs : Akka.TestKit.Xunit2.TestKit
{
    private const string Config = """
        akka.loglevel = WARNING
        akka.actor.provider = remote
        akka.remote.dot-netty.tcp.hostname = 127.0.0.1
        akka.remote.dot-netty.tcp.port = 0
        akka.persistence.journal.plugin = "akka.persistence.journal.inmem"
        akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.inmem"
        """;

    private readonly TestProbe _gateway;
    private readonly TestProbe _router;
    private readonly TestProbe _manager;
    private readonly TestProbe _cdr;
    private readonly TestProbe _shard;
    private readonly string _self;

    public SessionMediaRoutingSpecs(ITestOutputHelper output)
        : base(Config, output: output)
    {
        _gateway = CreateTestProbe("gateway");
        _router = CreateTestProbe("router");
        _manager = CreateTestProbe("manager");
        _cdr = CreateTestProbe("cdr");
        _shard = CreateTestProbe("shard");
        _self = ((ExtendedActorSystem)Sys).Provider.DefaultAddress.ToString();
        Sys.ActorOf(Props.Create(() => new Forwarder(_manager.Ref)), RoleRouters.MediaManagerName);
    }

    private IActorRef StartEntity(SessionId id, SessionSettings? settings = null) => Sys.ActorOf(EntityParent.Props(
        SessionActor.Props(
            id.Value,
            _gateway.Ref,
            _router.Ref,
            _cdr.Ref,
            settings,
            new NodeAddressMediaAdapter(new MediaProtocolAdapter(), _self),
            RoleRouters.MediaManagerPath),
        _shard.Ref));

    [Fact]
    public void Commands_follow_the_endpoints_node_and_after_a_recovery_reach_its_media_manager_by_path()
    {
        var id = new SessionId("routing");
        var entity = StartEntity(id);

        // The endpoints come from the media actor behind the router (here the manager probe).
        var call = AnchoredCallSetup.Establish(this, entity, entity, id, _gateway, _router, _manager);
        Assert.Equal("ep-b", _manager.ExpectMsg<ConfigureEndpoint>().EndpointId);
        _manager.ExpectMsg<TransferToBridge>();
        _router.ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        Watch(entity);
        Sys.Stop(entity);
        ExpectTerminated(entity);

        // Recovered with no reference to the media actor: the node address from the journal and the
        // manager's well-known path find it, first to ask it for each leg's endpoint.
        var again = StartEntity(id);
        var asked = new[] { _manager.ExpectMsg<AllocateEndpoint>().LegId, _manager.ExpectMsg<AllocateEndpoint>().LegId };
        Assert.Equal(new[] { call.CallerAllocation.LegId, call.CalleeAllocation.LegId }.Order(), asked.Order());
        again.Tell(new ByeReceived(id, new LegId("a")));
        ExpectMsg<Accepted>();
        _gateway.ExpectMsg<SendBye>();
        var released = new[] { _manager.ExpectMsg<ReleaseEndpoint>().EndpointId, _manager.ExpectMsg<ReleaseEndpoint>().EndpointId };
        Assert.Equal(["ep-a", "ep-b"], released.Order());
        _manager.ExpectMsg<ReleaseSession>();
        _router.ExpectMsg<ReleaseSession>();
        _router.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    /// <summary>
    /// The media node was restarted at the same address while the session was away: it looks like a
    /// healthy member, but it answers the recovered session's question for each leg's endpoint with
    /// a new one. The session re-INVITEs both legs to the new endpoints and bridges them there.
    /// </summary>
    [Fact]
    public void A_media_node_restarted_at_the_same_address_is_found_out_on_recovery_and_the_call_moves_to_its_new_endpoints()
    {
        var id = new SessionId("restarted");
        var entity = StartEntity(id);
        var call = AnchoredCallSetup.Establish(this, entity, entity, id, _gateway, _router, _manager);
        _manager.FishForMessage(m => m is TransferToBridge);

        Watch(entity);
        Sys.Stop(entity);
        ExpectTerminated(entity);
        var again = StartEntity(id);
        var asked = new[] { _manager.ExpectMsg<AllocateEndpoint>(), _manager.ExpectMsg<AllocateEndpoint>() };
        Assert.Equal(new[] { call.CallerAllocation.LegId, call.CalleeAllocation.LegId }.Order(), asked.Select(a => a.LegId).Order());

        var port = 31000;
        foreach (var ask in asked)
        {
            _manager.Reply(new EndpointAllocated(id.Value, ask.LegId, "new-" + ask.LegId, "127.0.0.1", [new AllocatedStream(MediaKind.Audio, port, port + 1, false)]));
            port += 2;
        }

        var reinvites = new[] { _gateway.ExpectMsg<SendReInvite>(), _gateway.ExpectMsg<SendReInvite>() };
        Assert.All(reinvites, r => Assert.Contains("m=audio 310", r.Sdp, StringComparison.Ordinal));
        // The old endpoints went with the old incarnation: nothing asks it to release them, and the
        // first bridge asked for joins the two new endpoints (not a new one with an old one).
        var seen = new List<object>();
        _manager.FishForMessage(m =>
        {
            seen.Add(m);
            return m is TransferToBridge;
        });
        Assert.DoesNotContain(seen, m => m is ReleaseEndpoint);
        var bridge = (TransferToBridge)seen[^1];
        Assert.Equal(asked.Select(a => "new-" + a.LegId).Order(), new[] { bridge.EndpointIdA, bridge.EndpointIdB }.Order());
        Assert.NotNull(again);
    }

    [Fact]
    public void Allocations_whose_replies_were_lost_with_the_previous_incarnation_are_made_again_on_recovery()
    {
        var id = new SessionId("resume");
        var entity = StartEntity(id);
        var (caller, callee) = AnchoredCallSetup.Invite(this, entity, id, _router);

        // The entity stops before any endpoint answers (its node was lost): the replies would go to
        // the old incarnation, so the recovered one allocates both legs again by itself.
        Watch(entity);
        Sys.Stop(entity);
        ExpectTerminated(entity);
        StartEntity(id);
        var again = new[] { _router.ExpectMsg<AllocateEndpoint>(), _router.ExpectMsg<AllocateEndpoint>() };
        Assert.Equal(new[] { caller.LegId, callee.LegId }.Order(), again.Select(a => a.LegId).Order());
        _router.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    /// <summary>
    /// A call re-anchoring after its media node was lost asks the router for new endpoints; when
    /// that request is lost (the router picked a node that died with it in flight), the session
    /// asks again every <see cref="SessionSettings.MediaRetryInterval"/> until its legs have endpoints.
    /// </summary>
    [Fact]
    public void Allocations_of_a_reanchoring_call_that_go_unanswered_are_asked_for_again_until_both_legs_have_endpoints()
    {
        var retry = TimeSpan.FromMilliseconds(400);
        var id = new SessionId("retry");
        var entity = StartEntity(id, SessionSettings.Default with { MediaRetryInterval = retry });
        var call = AnchoredCallSetup.Establish(this, entity, entity, id, _gateway, _router, _manager);
        _manager.FishForMessage(m => m is TransferToBridge);
        _router.ExpectNoMsg(retry * 2);

        // The only media node is lost: both legs are detached and allocated through the router,
        // which never answers.
        entity.Tell(new MediaNodeLost(id, _self));
        ExpectMsg<Accepted>();
        var legs = new[] { call.CallerAllocation.LegId, call.CalleeAllocation.LegId }.Order().ToArray();
        Assert.Equal(legs, new[] { _router.ExpectMsg<AllocateEndpoint>(), _router.ExpectMsg<AllocateEndpoint>() }.Select(a => a.LegId).Order());

        // Asked again, and again, while nothing answers.
        for (var round = 0; round < 2; round++)
        {
            var again = new[] { _router.ExpectMsg<AllocateEndpoint>(retry * 10), _router.ExpectMsg<AllocateEndpoint>() };
            Assert.Equal(legs, again.Select(a => a.LegId).Order());
        }

        // Answered: each leg is re-INVITEd to its new endpoint and the asking stops.
        _manager.Send(entity, new EndpointAllocated(id.Value, legs[0], "ep-c", "127.0.0.1", [new AllocatedStream(MediaKind.Audio, 30010, 30011, false)]));
        _manager.Send(entity, new EndpointAllocated(id.Value, legs[1], "ep-d", "127.0.0.1", [new AllocatedStream(MediaKind.Audio, 30012, 30013, false)]));
        _gateway.ExpectMsg<SendReInvite>();
        _gateway.ExpectMsg<SendReInvite>();
        _router.ExpectNoMsg(retry * 3);
    }

    private sealed class Forwarder : ReceiveActor
    {
        public Forwarder(IActorRef target) => ReceiveAny(m => target.Forward(m));
    }
}
