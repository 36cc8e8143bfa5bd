using CallCluster.Sip.Dialogs;

namespace CallCluster.Sip.Tests.Dialogs;

public sealed class DialogUpdateTests
{
    private static DialogState Uas()
    {
        DialogFactory.TryCreateUas(DialogMessages.ReceivedInvite(), "b0b", "sip:bob@192.0.2.4", early: false, out var d, out _);
        return d!;
    }

    [Fact]
    public void Reinvite_with_higher_cseq_is_accepted_and_refreshes_the_target()
    {
        var status = Uas().Accept(DialogMessages.InDialog("INVITE", 314160, contact: "<sip:alice@moved.example.com>"), out var updated);

        Assert.Equal(0, status);
        Assert.Equal(314160, updated.RemoteCSeq);
        Assert.Equal("sip:alice@moved.example.com", updated.RemoteTarget);
    }

    [Fact]
    public void Update_refreshes_the_target_but_bye_and_info_do_not()
    {
        var dialog = Uas();

        Assert.Equal("sip:alice@new.example.com",
            dialog.WithTargetRefresh(DialogMessages.InDialog("UPDATE", 314160, contact: "<sip:alice@new.example.com>")).RemoteTarget);
        Assert.Equal(0, dialog.Accept(DialogMessages.InDialog("INFO", 314161, contact: "<sip:alice@other.example.com>"), out var afterInfo));
        Assert.Equal("sip:alice@pc33.atlanta.example.com", afterInfo.RemoteTarget);
        Assert.Equal(314161, afterInfo.RemoteCSeq);
    }

    [Fact]
    public void Lower_cseq_is_answered_500_and_leaves_the_dialog_unchanged()
    {
        var dialog = Uas();

        Assert.Equal(500, dialog.Accept(DialogMessages.InDialog("BYE", 314158), out var updated));
        Assert.Same(dialog, updated);
    }

    [Fact]
    public void Request_of_another_dialog_is_answered_481()
    {
        Assert.Equal(481, Uas().Accept(DialogMessages.InDialog("BYE", 314160, toTag: "someone-else"), out _));
        Assert.Equal(481, Uas().Accept(DialogMessages.InDialog("BYE", 314160, callId: "other"), out _));
    }

    [Fact]
    public void Ack_with_the_invite_cseq_is_accepted_without_change()
    {
        var dialog = Uas();

        Assert.Equal(0, dialog.Accept(DialogMessages.InDialog("ACK", 314159), out var updated));
        Assert.Same(dialog, updated);
    }

    [Fact]
    public void Target_refresh_from_a_2xx_to_our_reinvite()
    {
        DialogFactory.TryCreateUac(DialogMessages.Invite(), DialogMessages.Response(200), out var created, out _);
        var uac = created!;

        var refreshed = uac.WithTargetRefresh(DialogMessages.Response(200, contact: "<sip:bob@203.0.113.9>"));

        Assert.Equal("sip:bob@203.0.113.9", refreshed.RemoteTarget);
        Assert.Same(uac, uac.WithTargetRefresh(DialogMessages.Response(180, contact: "<sip:bob@203.0.113.9>")));
    }
}
