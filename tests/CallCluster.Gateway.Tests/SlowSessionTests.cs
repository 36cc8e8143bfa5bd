using Akka.Actor;
using CallCluster.Actors.Sessions;
using CallCluster.Gateway.Tests.Support;
using CallCluster.Sip.Message;
using Xunit.Abstractions;

namespace CallCluster.Gateway.Tests;

/// <summary>
/// The session takes a new call but its answer never reaches the gateway in time (a slow journal, a
/// shard being re-homed): the caller is refused 503 with Retry-After, and the call the session has
/// meanwhile placed to the callee is cancelled rather than left ringing for nobody.
/// </summary>
public sealed class SlowSessionTests(ITestOutputHelper output)
    : GatewayTestKit(output, sessionsPort: (system, region) => system.ActorOf(Props.Create(() => new LoseInviteReplies(region))))
{
    [Fact]
    public void A_caller_refused_for_a_late_session_leaves_no_call_to_the_callee()
    {
        using var alice = NewUa("alice");
        using var bob = NewUa("bob");
        Assert.Equal(200, Register(bob).StatusCode);
        new Caller(alice, "bob").SendAuthenticated();

        var invite = bob.ExpectRequest("INVITE");
        bob.Reply(SipMessageFactory.CreateResponse(invite, 180, "Ringing", "b1").AddHeader("Contact", $"<{bob.Contact}>"));

        var refused = alice.ExpectResponse(r => r.StatusCode >= 300);
        Assert.Equal(503, refused.StatusCode);
        Assert.Equal("5", refused.GetHeaderValue("Retry-After"));

        var cancel = bob.ExpectRequest("CANCEL");
        Assert.Equal(invite.CallId, cancel.CallId);
        bob.Reply(SipMessageFactory.CreateResponse(cancel, 200, "OK"));
        bob.Reply(SipMessageFactory.CreateResponse(invite, 487, "Request Terminated", "b1"));
        Assert.Equal(invite.CallId, bob.ExpectRequest("ACK").CallId);
    }

    /// <summary>Delivers every command to the region, but the replies to new calls go nowhere.</summary>
    private sealed class LoseInviteReplies : ReceiveActor
    {
        public LoseInviteReplies(IActorRef region)
        {
            ReceiveAny(message =>
            {
                if (message is SessionCommands.InboundInvite)
                {
                    region.Tell(message, ActorRefs.Nobody);
                    return;
                }

                region.Forward(message);
            });
        }
    }
}
