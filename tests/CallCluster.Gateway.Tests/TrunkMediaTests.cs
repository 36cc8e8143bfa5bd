using System.Net;
using System.Text;
using CallCluster.Actors.Directory;
using CallCluster.Gateway.Tests.Support;
using CallCluster.Sip.Message;
using Xunit.Abstractions;
using static CallCluster.Actors.Directory.DirectoryEvents;

namespace CallCluster.Gateway.Tests;

/// <summary>Per-trunk media: anchored by default, the caller's SDP relayed unchanged when a trunk on the call says bypass.</summary>
public sealed class TrunkMediaTests(ITestOutputHelper output) : GatewayTestKit(output, anchorMedia: true)
{
    private const string AnchoredPort = "m=audio 41000 ";
    private const string CallerPort = "m=audio 40000 ";

    private void AddTrunk(string name, TestUa ua, TrunkMedia media, params string[] prefixes) =>
        Snapshot = new DirectorySnapshot(
            Snapshot.State.Apply(new TrunkUpserted(new TrunkSpec(name, $"{ua.Address}:{ua.Port}", [ua.Address.ToString()], prefixes, media))),
            Snapshot.Version + 1);

    [Fact]
    public void Transit_between_anchoring_trunks_offers_the_media_endpoint()
    {
        var body = Transit(TrunkMedia.Anchor, TrunkMedia.Anchor);
        Assert.Contains(AnchoredPort, body);
        Assert.DoesNotContain(CallerPort, body);
    }

    [Fact]
    public void A_calling_trunk_with_bypass_has_its_sdp_relayed_unchanged()
    {
        var body = Transit(TrunkMedia.Bypass, TrunkMedia.Anchor);
        Assert.Contains(CallerPort, body);
        Assert.DoesNotContain(AnchoredPort, body);
    }

    [Fact]
    public void A_called_trunk_with_bypass_receives_the_callers_sdp()
    {
        var body = Transit(TrunkMedia.Anchor, TrunkMedia.Bypass);
        Assert.Contains(CallerPort, body);
    }

    [Fact]
    public void Subscriber_call_to_an_anchoring_trunk_is_anchored()
    {
        using var alice = NewUa("alice");
        using var b = new TestUa("switch-b", GatewayEndPoint, IPAddress.Parse("127.0.0.3"));
        AddTrunk("b", b, TrunkMedia.Anchor, "+33");
        new Caller(alice, "+33999").SendAuthenticated();
        var invite = b.ExpectRequest("INVITE");
        Assert.Contains(AnchoredPort, Encoding.UTF8.GetString(invite.Body.Span));
    }

    private string Transit(TrunkMedia from, TrunkMedia to)
    {
        using var a = new TestUa("switch-a", GatewayEndPoint, IPAddress.Parse("127.0.0.2"));
        using var b = new TestUa("switch-b", GatewayEndPoint, IPAddress.Parse("127.0.0.3"));
        AddTrunk("a", a, from, "+44");
        AddTrunk("b", b, to, "+33");
        var uri = $"sip:+33123456@{SipText.Domain}";
        a.Send(SipText.Request(a, "INVITE", uri, uri, SipText.NewId(), 1, "ta", body: SipText.Sdp));

        var invite = b.ExpectRequest("INVITE");
        b.Reply(SipMessageFactory.CreateResponse(invite, 200, "OK", "tb").AddHeader("Contact", $"<{b.Contact}>")
            .WithBody(Encoding.UTF8.GetBytes(SipText.Sdp), "application/sdp"));
        b.ExpectRequest("ACK");
        Assert.Equal(200, a.ExpectResponse(r => r.StatusCode >= 200).StatusCode);
        return Encoding.UTF8.GetString(invite.Body.Span);
    }
}
