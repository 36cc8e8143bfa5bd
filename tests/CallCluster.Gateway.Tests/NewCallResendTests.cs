using Akka.Actor;
using CallCluster.Actors.Sessions;
using CallCluster.Gateway.Tests.Support;
using CallCluster.Sip.Message;
using Xunit.Abstractions;

namespace CallCluster.Gateway.Tests;

/// <summary>
/// The first copy of a new call's INVITE command is lost on its way to the session (as when the
/// session's node dies with it in flight, or its shard restarts): the gateway sends it again, the
/// call reaches the callee once, and the caller is not refused. Only the first copy claims a new
/// session (a session started by it reads nothing from the journal).
/// </summary>
public sealed class NewCallResendTests(ITestOutputHelper output)
    : GatewayTestKit(output, sessionsPort: (system, region) => system.ActorOf(Props.Create(() => new LoseFirstCopy(region, NewCallCommand, SameCall))))
{
    /// <summary>A new call's command.</summary>
    private static readonly Func<object, bool> NewCallCommand = m => m is SessionCommands.InboundInvite;

    /// <summary>Copies of one call's command: the same but for the new-session claim.</summary>
    private static readonly Func<object, object> SameCall = m => m is SessionCommands.InboundInvite i ? i with { NewSession = false } : m;

    [Fact]
    public void A_new_call_whose_first_command_is_lost_reaches_the_callee_once_and_is_answered()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(LoseFirstCopy.Seen));
        using var alice = NewUa("alice");
        using var bob = NewUa("bob");
        Assert.Equal(200, Register(bob).StatusCode);
        var call = EstablishedCall.Start(alice, bob, "bob");

        var first = Assert.IsType<SessionCommands.InboundInvite>(ExpectMsg<LoseFirstCopy.Seen>().Command);
        var second = Assert.IsType<SessionCommands.InboundInvite>(ExpectMsg<LoseFirstCopy.Seen>().Command);
        Assert.True(first.NewSession);
        Assert.False(second.NewSession);
        Assert.Equal((first.SessionId, first.LegId), (second.SessionId, second.LegId));

        // One call toward bob, though the session got the command more than once: no other INVITE
        // transaction (a retransmission of the first would carry its branch) within two seconds.
        var branch = call.CalleeInvite.GetHeaderValue("Via");
        var deadline = DateTime.UtcNow.AddSeconds(2);
        while (DateTime.UtcNow < deadline)
        {
            if (bob.Receive(200) is SipRequest { Method: "INVITE" } again)
            {
                Assert.Equal(branch, again.GetHeaderValue("Via"));
            }
        }
    }
}
