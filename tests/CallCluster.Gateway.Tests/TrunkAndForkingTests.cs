using System.Net;
using System.Text;
using CallCluster.Actors.Directory;
using CallCluster.Gateway.Tests.Support;
using CallCluster.Sip.Message;
using Xunit.Abstractions;
using static CallCluster.Actors.Directory.DirectoryEvents;

namespace CallCluster.Gateway.Tests;

public sealed class TrunkAndForkingTests(ITestOutputHelper output) : GatewayTestKit(output)
{
    private void AddTrunk(string name, TestUa ua, params string[] prefixes) =>
        Snapshot = new DirectorySnapshot(
            Snapshot.State.Apply(new TrunkUpserted(new TrunkSpec(name, $"{ua.Address}:{ua.Port}", [ua.Address.ToString()], prefixes))),
            Snapshot.Version + 1);

    [Fact]
    public void Trunk_to_trunk_transit_needs_no_authentication_and_goes_to_the_longest_prefix()
    {
        using var a = new TestUa("switch-a", GatewayEndPoint, IPAddress.Parse("127.0.0.2"));
        using var b = new TestUa("switch-b", GatewayEndPoint, IPAddress.Parse("127.0.0.3"));
        using var c = new TestUa("switch-c", GatewayEndPoint, IPAddress.Parse("127.0.0.4"));
        AddTrunk("a", a, "+44");
        AddTrunk("b", b, "+331");
        AddTrunk("c", c, "+33");
        var uri = $"sip:+33123456@{SipText.Domain}";
        a.Send(SipText.Request(a, "INVITE", uri, uri, SipText.NewId(), 1, "ta", body: SipText.Sdp));

        var invite = b.ExpectRequest("INVITE");
        Assert.Equal($"sip:+33123456@127.0.0.3:{b.Port}", invite.RequestUriText);
        b.Reply(SipMessageFactory.CreateResponse(invite, 200, "OK", "tb").AddHeader("Contact", $"<{b.Contact}>")
            .WithBody(Encoding.UTF8.GetBytes(SipText.Sdp), "application/sdp"));
        b.ExpectRequest("ACK");
        Assert.Equal(200, a.ExpectResponse(r => r.StatusCode >= 200).StatusCode);
    }

    [Fact]
    public void Subscriber_call_to_a_number_goes_to_the_trunk()
    {
        using var alice = NewUa("alice");
        using var b = new TestUa("switch-b", GatewayEndPoint, IPAddress.Parse("127.0.0.3"));
        AddTrunk("b", b, "+33");
        new Caller(alice, "+33999").SendAuthenticated();
        var invite = b.ExpectRequest("INVITE");
        Assert.Equal("+33999", invite.RequestUri!.User);
        Assert.Equal("alice", invite.From!.Uri.User);
    }

    [Fact]
    public void Parallel_forking_first_2xx_wins_and_the_other_branch_is_cancelled()
    {
        using var alice = NewUa("alice");
        using var desk = NewUa("bob");
        using var phone = NewUa("bob");
        Assert.Equal(200, Register(desk).StatusCode);
        var both = Register(phone);
        Assert.Equal(2, both.Contact.Count);

        new Caller(alice, "bob").SendAuthenticated();
        var toDesk = desk.ExpectRequest("INVITE");
        var toPhone = phone.ExpectRequest("INVITE");
        Assert.Equal(toDesk.CallId, toPhone.CallId);
        Assert.NotEqual(toDesk.TopVia!.Branch, toPhone.TopVia!.Branch);

        phone.Reply(SipMessageFactory.CreateResponse(toPhone, 200, "OK", "ph").AddHeader("Contact", $"<{phone.Contact}>")
            .WithBody(Encoding.UTF8.GetBytes(SipText.Sdp), "application/sdp"));
        phone.ExpectRequest("ACK");
        var cancel = desk.ExpectRequest("CANCEL");
        Assert.Equal(toDesk.TopVia.Branch, cancel.TopVia!.Branch);
        desk.Reply(SipMessageFactory.CreateResponse(cancel, 200, "OK"));
        desk.Reply(SipMessageFactory.CreateResponse(toDesk, 487, "Request Terminated", "dk"));
        Assert.Equal(200, alice.ExpectResponse(r => r.StatusCode >= 200).StatusCode);
    }

    [Fact]
    public void Forked_call_fails_only_when_every_branch_failed()
    {
        using var alice = NewUa("alice");
        using var desk = NewUa("bob");
        using var phone = NewUa("bob");
        Register(desk);
        Register(phone);
        new Caller(alice, "bob").SendAuthenticated();
        var toDesk = desk.ExpectRequest("INVITE");
        var toPhone = phone.ExpectRequest("INVITE");
        desk.Reply(SipMessageFactory.CreateResponse(toDesk, 486, "Busy Here", "dk"));
        phone.Reply(SipMessageFactory.CreateResponse(toPhone, 603, "Decline", "ph"));
        Assert.Equal(603, alice.ExpectResponse(r => r.StatusCode >= 200).StatusCode);
    }
}
