using Akka.Actor;
using Akka.TestKit;
using CallCluster.Actors.MediaProtocol;
using CallCluster.Actors.Sessions;
using static CallCluster.Actors.Sessions.SessionCommands;
using static CallCluster.Actors.Sessions.SessionEffects;
using static CallCluster.Actors.Sessions.SessionReplies;

namespace CallCluster.Actors.Tests.Sessions;

/// <summary>The two allocations of an anchored plain call and the callee leg the session invited.</summary>
public sealed record AnchoredCall(AllocateEndpoint CallerAllocation, AllocateEndpoint CalleeAllocation, LegId Callee);

/// <summary>
/// Drives a fresh plain session entity (media anchored) through its set-up, for specs that then
/// stop and recover it: the caller's INVITE, both endpoint allocations answered by a media actor
/// (endpoints <c>ep-a</c> and <c>ep-b</c>), the callee's answer.
/// </summary>
public static class AnchoredCallSetup
{
    public const string Offer = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n";
    public const string Answer = "v=0\r\no=- 2 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 5000 RTP/AVP 0\r\n";

    /// <summary>The caller's INVITE; returns the two allocations the session asks the router for.</summary>
    public static (AllocateEndpoint Caller, AllocateEndpoint Callee) Invite(TestKitBase kit, IActorRef entity, SessionId id, TestProbe router)
    {
        entity.Tell(new InboundInvite(id, new LegId("a"), SessionKind.Plain, SessionScenario.Mobile, SessionScenario.RemoteParty, LegRole.Callee, SessionScenario.Dialog("a"), Offer), kit.TestActor);
        kit.ExpectMsg<Accepted>();
        return (router.ExpectMsg<AllocateEndpoint>(), router.ExpectMsg<AllocateEndpoint>());
    }

    /// <summary>
    /// The whole set-up. <paramref name="media"/> answers the allocations, sending to
    /// <paramref name="entityAsMediaSees"/> (the entity itself, or its reference as resolved from
    /// the media's own actor system), and must receive the caller endpoint's configuration.
    /// </summary>
    public static AnchoredCall Establish(TestKitBase kit, IActorRef entity, IActorRef entityAsMediaSees, SessionId id, TestProbe gateway, TestProbe router, TestProbe media)
    {
        var (caller, callee) = Invite(kit, entity, id, router);
        media.Send(entityAsMediaSees, new EndpointAllocated(id.Value, caller.LegId, "ep-a", "127.0.0.1", [new AllocatedStream(MediaKind.Audio, 30000, 30001, false)]));
        Xunit.Assert.Equal("ep-a", media.ExpectMsg<ConfigureEndpoint>().EndpointId);
        media.Send(entityAsMediaSees, new EndpointAllocated(id.Value, callee.LegId, "ep-b", "127.0.0.1", [new AllocatedStream(MediaKind.Audio, 30002, 30003, false)]));
        var calleeLeg = gateway.ExpectMsg<SendInvite>().LegId;
        entity.Tell(new AnswerReceived(id, calleeLeg, SessionScenario.Dialog(calleeLeg.Value), Answer), kit.TestActor);
        kit.ExpectMsg<Accepted>();
        gateway.ExpectMsg<AnswerInvite>();
        return new AnchoredCall(caller, callee, calleeLeg);
    }
}
