using System.Text.Json;
using CallCluster.Sip.Dialogs;
using CallCluster.Sip.Message;
using CallCluster.Sip.Message.Headers;
using CallCluster.Sip.Tests.Transactions;

namespace CallCluster.Sip.Tests.Dialogs;

public sealed class DialogRequestTests
{
    private static readonly SipVia OurVia = ViaWith(branch: "z9hG4bKbye1");

    private static SipVia ViaWith(string branch) =>
        SipVia.TryParse("SIP/2.0/UDP pc33.atlanta.example.com;branch=" + branch, out var via) ? via : throw new InvalidOperationException();

    private static DialogState Uac()
    {
        DialogFactory.TryCreateUac(DialogMessages.Invite(), DialogMessages.Response(200), out var d, out _);
        return d!;
    }

    [Fact]
    public void Bye_with_loose_routes_targets_the_remote_target_with_the_route_set()
    {
        Assert.True(Uac().TryCreate("BYE", OurVia, out var result, out _));
        var bye = result!.Request;

        Assert.Equal("BYE", bye.Method);
        Assert.Equal("sip:bob@192.0.2.4", bye.RequestUriText);
        Assert.Equal(["sip:p1.example.com;lr", "sip:p2.example.com;lr"], bye.Route.Select(r => r.Uri.ToString()));
        Assert.Equal("z9hG4bKbye1", bye.TopVia!.Branch);
        Assert.Equal("1928301774", bye.From!.Tag);
        Assert.Equal("sip:alice@atlanta.example.com", bye.From.Uri.ToString());
        Assert.Equal("a6c85cf", bye.To!.Tag);
        Assert.Equal("sip:bob@biloxi.example.com", bye.To.Uri.ToString());
        Assert.Equal("a84b4c76e66710", bye.CallId);
        Assert.Equal(new SipCSeq(314160, "BYE"), bye.CSeq);
        Assert.Equal(70, bye.MaxForwards);
        Assert.Empty(bye.Contact);
        Assert.Equal(314160, result.Dialog.LocalCSeq);
    }

    [Fact]
    public void Each_request_takes_the_next_cseq_and_reinvite_carries_the_local_contact()
    {
        Assert.True(Uac().TryCreate("INFO", OurVia, out var info, out _));
        Assert.True(info!.Dialog.TryCreate("INVITE", ViaWith("z9hG4bKre"), out var reinvite, out _));

        Assert.Equal(314161, reinvite!.Request.CSeq!.Number);
        Assert.Equal("sip:alice@pc33.atlanta.example.com", Assert.Single(reinvite.Request.Contact).Uri!.ToString());
    }

    [Fact]
    public void Strict_route_puts_the_first_route_in_the_request_uri_and_the_target_last()
    {
        var dialog = Uac() with { RouteSet = ["sip:strict.example.com", "sip:p2.example.com;lr"] };

        Assert.True(dialog.TryCreate("BYE", OurVia, out var result, out _));

        Assert.Equal("sip:strict.example.com", result!.Request.RequestUriText);
        Assert.Equal(["sip:p2.example.com;lr", "sip:bob@192.0.2.4"], result.Request.Route.Select(r => r.Uri.ToString()));
    }

    [Fact]
    public void Ack_for_2xx_uses_the_invite_cseq_and_does_not_move_the_dialog_cseq()
    {
        var dialog = Uac();

        Assert.True(dialog.TryCreateAck(314159, ViaWith("z9hG4bKack"), out var ack, out _));

        Assert.Equal("ACK", ack!.Method);
        Assert.Equal(new SipCSeq(314159, "ACK"), ack.CSeq);
        Assert.Equal("sip:bob@192.0.2.4", ack.RequestUriText);
        Assert.Equal("z9hG4bKack", ack.TopVia!.Branch);
        Assert.Equal(2, ack.Route.Count);
        Assert.Equal(314159, dialog.LocalCSeq);
    }

    [Fact]
    public void Ack_and_cancel_are_refused_as_new_requests_and_broken_state_is_rejected()
    {
        Assert.False(Uac().TryCreate("ACK", OurVia, out _, out _));
        Assert.False(Uac().TryCreate("CANCEL", OurVia, out _, out _));
        Assert.False((Uac() with { RemoteTarget = "not a uri" }).TryCreate("BYE", OurVia, out var result, out var error));
        Assert.Null(result);
        Assert.NotEmpty(error);
    }

    [Fact]
    public void Cancel_copies_branch_request_uri_call_id_from_to_and_route_with_method_cancel()
    {
        var invite = SipText.Request("""
            INVITE sip:bob@biloxi.example.com SIP/2.0
            Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKpending
            Max-Forwards: 70
            Route: <sip:p1.example.com;lr>
            To: Bob <sip:bob@biloxi.example.com>
            From: Alice <sip:alice@atlanta.example.com>;tag=1928301774
            Call-ID: cancel-me
            CSeq: 5 INVITE
            Contact: <sip:alice@pc33.atlanta.example.com>
            Content-Length: 0


            """);

        var cancel = DialogRequests.CreateCancel(invite);

        Assert.Equal("CANCEL", cancel.Method);
        Assert.Equal(invite.RequestUriText, cancel.RequestUriText);
        Assert.Equal("z9hG4bKpending", Assert.Single(cancel.Via).Branch);
        Assert.Equal("cancel-me", cancel.CallId);
        Assert.Equal(invite.From, cancel.From);
        Assert.Equal(invite.To, cancel.To);
        Assert.Equal(new SipCSeq(5, "CANCEL"), cancel.CSeq);
        Assert.Equal("sip:p1.example.com;lr", Assert.Single(cancel.Route).Uri.ToString());
    }

    [Fact]
    public void State_serialised_and_restored_on_another_node_builds_the_identical_bye()
    {
        var original = Uac() with { RemoteCSeq = 77 };
        var json = JsonSerializer.Serialize(original);

        var restored = JsonSerializer.Deserialize<DialogState>(json)!;

        Assert.Equal(original, restored);
        Assert.True(original.TryCreate("BYE", OurVia, out var here, out _));
        Assert.True(restored.TryCreate("BYE", OurVia, out var there, out _));
        Assert.Equal(here!.Request.ToBytes(), there!.Request.ToBytes());
        Assert.Equal(here.Dialog, there.Dialog);
    }
}
