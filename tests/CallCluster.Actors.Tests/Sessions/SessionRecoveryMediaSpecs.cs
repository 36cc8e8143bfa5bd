using Akka.Actor;
using Akka.TestKit;
using CallCluster.Actors.Hosting;
using CallCluster.Actors.MediaProtocol;
using CallCluster.Actors.Sessions;
using CallCluster.Actors.Sessions.Media;
using CallCluster.Actors.Tests.Support;
using Xunit.Abstractions;
using static CallCluster.Actors.Sessions.SessionCommands;
using static CallCluster.Actors.Sessions.SessionEffects;
using static CallCluster.Actors.Sessions.SessionReplies;

namespace CallCluster.Actors.Tests.Sessions;

/// <summary>
/// A session that recovers while the media node holding its endpoints is not a member of the
/// cluster (it was lost together with the session's old node) re-anchors at once, without waiting
/// to be told the node is lost. The session runs in a one-member cluster; its endpoints come from
/// a second actor system that is not a member.
/// </summary>
public sealed class SessionRecoveryMediaSpecs : Akka.TestKit.Xunit2.TestKit
{
    private const string Config = """
        akka.loglevel = WARNING
        akka.actor.provider = cluster
        akka.remote.dot-netty.tcp.hostname = 127.0.0.1
        akka.remote.dot-netty.tcp.port = 0
        akka.persistence.journal.plugin = "akka.persistence.journal.inmem"
        akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.inmem"
        """;

    private readonly ActorSystem _mediaSystem;
    private readonly TestProbe _gateway;
    private readonly TestProbe _router;
    private readonly TestProbe _remoteMedia;
    private readonly string _self;

    public SessionRecoveryMediaSpecs(ITestOutputHelper output)
        : base(Config + "\n" + TestConfigs.SerializerBinding, output: output)
    {
        var cluster = Akka.Cluster.Cluster.Get(Sys);
        cluster.Join(cluster.SelfAddress);
        AwaitCondition(() => cluster.SelfMember.Status == Akka.Cluster.MemberStatus.Up, TimeSpan.FromSeconds(20));
        _mediaSystem = ActorSystem.Create("media", """
            akka.loglevel = WARNING
            akka.actor.provider = remote
            akka.remote.dot-netty.tcp.hostname = 127.0.0.1
            akka.remote.dot-netty.tcp.port = 0
            """ + "\n" + TestConfigs.SerializerBinding);
        _gateway = CreateTestProbe("gateway");
        _router = CreateTestProbe("router");
        _remoteMedia = CreateTestProbe(_mediaSystem, "media-manager");
        _self = ((ExtendedActorSystem)Sys).Provider.DefaultAddress.ToString();
    }

    private IActorRef StartEntity(SessionId id) => Sys.ActorOf(EntityParent.Props(
        SessionActor.Props(
            id.Value,
            _gateway.Ref,
            _router.Ref,
            CreateTestProbe().Ref,
            mediaAdapter: new NodeAddressMediaAdapter(new MediaProtocolAdapter(), _self),
            mediaManagerPath: RoleRouters.MediaManagerPath),
        CreateTestProbe().Ref));

    [Fact]
    public async Task A_recovered_session_whose_media_node_is_not_a_member_allocates_new_endpoints_at_once()
    {
        var id = new SessionId("recovery-media");
        var entity = StartEntity(id);

        // The endpoints come from a media actor in another actor system, which is not a cluster member.
        var remoteEntity = await _mediaSystem.ActorSelection(entity.Path.ToStringWithAddress(Akka.Cluster.Cluster.Get(Sys).SelfAddress))
            .ResolveOne(TimeSpan.FromSeconds(10));
        var call = AnchoredCallSetup.Establish(this, entity, remoteEntity, id, _gateway, _router, _remoteMedia);
        _remoteMedia.FishForMessage(m => m is TransferToBridge);
        _router.ExpectNoMsg(TimeSpan.FromMilliseconds(200));

        Watch(entity);
        Sys.Stop(entity);
        ExpectTerminated(entity);

        // Nothing tells the recovered session that its media node is gone: it sees that the node is
        // not a member and allocates both legs again, away from that node.
        StartEntity(id);
        var again = new[] { _router.ExpectMsg<AllocateEndpoint>(), _router.ExpectMsg<AllocateEndpoint>() };
        Assert.Equal(new[] { call.CallerAllocation.LegId, call.CalleeAllocation.LegId }.Order(), again.Select(a => a.LegId).Order());
    }

    protected override void AfterAll()
    {
        _mediaSystem.Terminate().Wait(TimeSpan.FromSeconds(10));
        base.AfterAll();
    }
}
