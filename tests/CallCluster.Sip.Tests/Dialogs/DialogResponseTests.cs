using CallCluster.Sip.Dialogs;

namespace CallCluster.Sip.Tests.Dialogs;

public sealed class DialogResponseTests
{
    private static DialogState Uas()
    {
        DialogFactory.TryCreateUas(DialogMessages.ReceivedInvite(), "b0b", "sip:bob@192.0.2.4", early: true, out var d, out _);
        return d!;
    }

    [Fact]
    public void Ok_to_the_invite_carries_our_tag_contact_and_the_record_route()
    {
        var ok = Uas().CreateResponse(DialogMessages.ReceivedInvite(), 200);

        Assert.Equal(200, ok.StatusCode);
        Assert.Equal("b0b", ok.To!.Tag);
        Assert.Equal("sip:bob@192.0.2.4", Assert.Single(ok.Contact).Uri!.ToString());
        Assert.Equal(2, ok.RecordRoute.Count);
        Assert.Equal(3, ok.Via.Count);
    }

    [Fact]
    public void Ringing_has_the_tag_and_bye_answer_has_no_contact()
    {
        var dialog = Uas();

        Assert.Equal("b0b", dialog.CreateResponse(DialogMessages.ReceivedInvite(), 180).To!.Tag);
        var byeOk = dialog.CreateResponse(DialogMessages.InDialog("BYE", 2), 200);
        Assert.Empty(byeOk.Contact);
        Assert.Equal("b0b", byeOk.To!.Tag);
    }
}
