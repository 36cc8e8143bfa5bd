using Akka.Actor;
using CallCluster.Actors.Sessions;
using CallCluster.Gateway.Tests.Support;
using Xunit.Abstractions;

namespace CallCluster.Gateway.Tests;

/// <summary>
/// The first copy of every in-dialog command is lost on its way to the session (as when the
/// session's node dies with it in flight): the gateway sends it again and the request is answered.
/// </summary>
public sealed class InDialogResendTests(ITestOutputHelper output)
    : GatewayTestKit(output, sessionsPort: (system, region) => system.ActorOf(Props.Create(() => new LoseFirstCopy(region, InDialogCommand))))
{
    /// <summary>In-dialog BYE and re-INVITE commands.</summary>
    private static readonly Func<object, bool> InDialogCommand = m => m is SessionCommands.ByeReceived or SessionCommands.ReInviteReceived;

    [Fact]
    public void A_bye_whose_first_copy_is_lost_is_answered_200_and_ends_the_other_side()
    {
        using var alice = NewUa("alice");
        using var bob = NewUa("bob");
        Register(bob);
        var call = EstablishedCall.Start(alice, bob, "bob");

        alice.Send(call.CallerRequest("BYE", 12));

        Assert.Equal(200, alice.ExpectResponse(r => r.CSeq?.Method == "BYE").StatusCode);
        var toBob = bob.ExpectRequest("BYE");
        Assert.Equal(call.CalleeInvite.CallId, toBob.CallId);
    }

    [Fact]
    public void A_reinvite_whose_first_copy_is_lost_gets_its_200()
    {
        using var alice = NewUa("alice");
        using var bob = NewUa("bob");
        Register(bob);
        var call = EstablishedCall.Start(alice, bob, "bob");

        alice.Send(call.CallerRequest("INVITE", 11, extra: "Supported: timer"));

        Assert.Equal(200, alice.ExpectResponse(r => r.CSeq?.Method == "INVITE" && r.CSeq.Number == 11 && r.StatusCode >= 200).StatusCode);
        alice.Send(call.CallerRequest("ACK", 11));
    }
}
