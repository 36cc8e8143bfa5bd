using Akka.Actor;
using Akka.TestKit;
using CallCluster.Actors.Hosting;
using CallCluster.Actors.MediaProtocol;
using CallCluster.Actors.Sessions;
using CallCluster.Actors.Sessions.Media;
using Xunit.Abstractions;
using static CallCluster.Actors.Sessions.SessionCommands;
using static CallCluster.Actors.Sessions.SessionEffects;

namespace CallCluster.Actors.Tests.Sessions;

/// <summary>
/// A call re-anchoring after its media node was lost asks the media router for new endpoints; when
/// that request is lost (the router picked a node that died with it in flight), the session asks
/// again after <see cref="SessionSettings.MediaRetryInterval"/> until its legs have endpoints.
/// </summary>
public sealed class SessionMediaRetrySpecs : Akka.TestKit.Xunit2.TestKit
{
    private const string Config = """
        akka.loglevel = WARNING
        akka.actor.provider = remote
        akka.remote.dot-netty.tcp.hostname = 127.0.0.1
        akka.remote.dot-netty.tcp.port = 0
        akka.persistence.journal.plugin = "akka.persistence.journal.inmem"
        akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.inmem"
        """;

    private static readonly TimeSpan Retry = TimeSpan.FromMilliseconds(400);

    private readonly TestProbe _gateway;
    private readonly TestProbe _router;
    private readonly TestProbe _manager;
    private readonly string _self;

    public SessionMediaRetrySpecs(ITestOutputHelper output)
        : base(Config, output: output)
    {
        _gateway = CreateTestProbe("gateway");
        _router = CreateTestProbe("router");
        _manager = CreateTestProbe("manager");
        _self = ((ExtendedActorSystem)Sys).Provider.DefaultAddress.ToString();
        Sys.ActorOf(Props.Create(() => new Forwarder(_manager.Ref)), RoleRouters.MediaManagerName);
    }

    [Fact]
    public void Allocations_of_a_reanchoring_call_that_go_unanswered_are_asked_for_again_until_both_legs_have_endpoints()
    {
        var id = new SessionId("retry");
        var entity = Sys.ActorOf(EntityParent.Props(
            SessionActor.Props(
                id.Value,
                _gateway.Ref,
                _router.Ref,
                CreateTestProbe().Ref,
                SessionSettings.Default with { MediaRetryInterval = Retry },
                new NodeAddressMediaAdapter(new MediaProtocolAdapter(), _self),
                RoleRouters.MediaManagerPath),
            CreateTestProbe().Ref));
        var call = AnchoredCallSetup.Establish(this, entity, entity, id, _gateway, _router, _manager);
        _manager.FishForMessage(m => m is TransferToBridge);
        _router.ExpectNoMsg(Retry * 2);

        // The only media node is lost: both legs are detached and allocated through the router,
        // which never answers.
        entity.Tell(new MediaNodeLost(id, _self));
        ExpectMsg<SessionReplies.Accepted>();
        var legs = new[] { call.CallerAllocation.LegId, call.CalleeAllocation.LegId }.Order().ToArray();
        Assert.Equal(legs, new[] { _router.ExpectMsg<AllocateEndpoint>(), _router.ExpectMsg<AllocateEndpoint>() }.Select(a => a.LegId).Order());

        // Asked again, and again, while nothing answers.
        for (var round = 0; round < 2; round++)
        {
            var again = new[] { _router.ExpectMsg<AllocateEndpoint>(Retry * 10), _router.ExpectMsg<AllocateEndpoint>() };
            Assert.Equal(legs, again.Select(a => a.LegId).Order());
        }

        // Answered: each leg is re-INVITEd to its new endpoint and the asking stops.
        _manager.Send(entity, new EndpointAllocated(id.Value, legs[0], "ep-c", "127.0.0.1", [new AllocatedStream(MediaKind.Audio, 30010, 30011, false)]));
        _manager.Send(entity, new EndpointAllocated(id.Value, legs[1], "ep-d", "127.0.0.1", [new AllocatedStream(MediaKind.Audio, 30012, 30013, false)]));
        _gateway.ExpectMsg<SendReInvite>();
        _gateway.ExpectMsg<SendReInvite>();
        _router.ExpectNoMsg(Retry * 3);
    }

    private sealed class Forwarder : ReceiveActor
    {
        public Forwarder(IActorRef target) => ReceiveAny(m => target.Forward(m));
    }
}
