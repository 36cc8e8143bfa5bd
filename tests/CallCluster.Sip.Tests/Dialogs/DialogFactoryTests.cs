using CallCluster.Sip.Dialogs;

namespace CallCluster.Sip.Tests.Dialogs;

public sealed class DialogFactoryTests
{
    [Fact]
    public void Uac_dialog_from_a_2xx_takes_the_record_route_reversed_and_the_contact()
    {
        Assert.True(DialogFactory.TryCreateUac(DialogMessages.Invite(), DialogMessages.Response(200), out var d, out _));

        Assert.Equal("a84b4c76e66710", d!.CallId);
        Assert.Equal("1928301774", d.LocalTag);
        Assert.Equal("a6c85cf", d.RemoteTag);
        Assert.Equal("sip:alice@atlanta.example.com", d.LocalUri);
        Assert.Equal("sip:bob@biloxi.example.com", d.RemoteUri);
        Assert.Equal("sip:bob@192.0.2.4", d.RemoteTarget);
        Assert.Equal("sip:alice@pc33.atlanta.example.com", d.LocalContact);
        Assert.Equal(["sip:p1.example.com;lr", "sip:p2.example.com;lr"], d.RouteSet);
        Assert.Equal(314159, d.LocalCSeq);
        Assert.Null(d.RemoteCSeq);
        Assert.False(d.Early);
        Assert.False(d.Secure);
        Assert.True(d.IsUac);
    }

    [Fact]
    public void Uac_early_dialog_from_a_1xx_with_a_To_tag()
    {
        Assert.True(DialogFactory.TryCreateUac(DialogMessages.Invite(), DialogMessages.Response(180), out var d, out _));

        Assert.True(d!.Early);
        Assert.Equal("a6c85cf", d.RemoteTag);
    }

    [Theory]
    [InlineData(100, "a6c85cf")]
    [InlineData(180, null)]
    [InlineData(486, "a6c85cf")]
    public void No_dialog_from_100_untagged_1xx_or_failures(int status, string? toTag)
    {
        Assert.False(DialogFactory.TryCreateUac(DialogMessages.Invite(), DialogMessages.Response(status, toTag), out var d, out var error));
        Assert.Null(d);
        Assert.NotEmpty(error);
    }

    [Fact]
    public void Sips_request_uri_makes_the_dialog_secure()
    {
        Assert.True(DialogFactory.TryCreateUac(DialogMessages.Invite("sips"), DialogMessages.Response(200), out var d, out _));
        Assert.True(d!.Secure);
    }

    [Fact]
    public void Uas_dialog_takes_the_record_route_in_order_and_the_remote_cseq()
    {
        Assert.True(DialogFactory.TryCreateUas(DialogMessages.ReceivedInvite(), "b0b", "sip:bob@192.0.2.4", early: true, out var d, out _));

        Assert.Equal("b0b", d!.LocalTag);
        Assert.Equal("1928301774", d.RemoteTag);
        Assert.Equal("sip:bob@biloxi.example.com", d.LocalUri);
        Assert.Equal("sip:alice@atlanta.example.com", d.RemoteUri);
        Assert.Equal("sip:alice@pc33.atlanta.example.com", d.RemoteTarget);
        Assert.Equal(["sip:p2.example.com;lr", "sip:p1.example.com;lr"], d.RouteSet);
        Assert.Equal(314159, d.RemoteCSeq);
        Assert.Equal(0, d.LocalCSeq);
        Assert.True(d.Early);
        Assert.False(d.IsUac);
        Assert.False(d.Confirm().Early);
    }

    [Fact]
    public void Early_dialog_is_confirmed_by_the_2xx_with_route_set_and_target_recomputed()
    {
        DialogFactory.TryCreateUac(DialogMessages.Invite(), DialogMessages.Response(183, contact: "<sip:bob@early.example.com>"), out var created, out _);
        var early = created!;

        var confirmed = early.ConfirmWith(DialogMessages.Response(200, contact: "<sip:bob@final.example.com>"));

        Assert.True(early.Early);
        Assert.False(confirmed.Early);
        Assert.Equal("sip:bob@final.example.com", confirmed.RemoteTarget);
        Assert.Equal(["sip:p1.example.com;lr", "sip:p2.example.com;lr"], confirmed.RouteSet);
        Assert.Same(early, early.ConfirmWith(DialogMessages.Response(180)));
    }

    [Fact]
    public void Dialog_ids_of_received_messages_are_seen_from_our_side()
    {
        DialogFactory.TryCreateUac(DialogMessages.Invite(), DialogMessages.Response(200), out var uac, out _);

        Assert.Equal(uac!.Id, DialogId.OfReceivedResponse(DialogMessages.Response(200)));
        Assert.Equal(new DialogId("a84b4c76e66710", "b0b", "1928301774"), DialogId.OfReceivedRequest(DialogMessages.InDialog("BYE", 2)));
        Assert.Null(DialogId.OfReceivedRequest(DialogMessages.Invite()));
    }
}
