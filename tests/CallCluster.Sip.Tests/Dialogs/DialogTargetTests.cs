using CallCluster.Sip.Dialogs;

namespace CallCluster.Sip.Tests.Dialogs;

public sealed class DialogTargetTests
{
    [Fact]
    public void Without_route_set_the_request_goes_to_the_remote_target()
    {
        var target = DialogTarget.For(DialogSamples.Confirmed());

        Assert.Equal("sip:bob@192.0.2.4", target.RequestUri);
        Assert.Empty(target.Route);
    }

    [Fact]
    public void Loose_first_route_keeps_the_remote_target_and_the_whole_route_set()
    {
        var target = DialogTarget.For(DialogSamples.Confirmed("sip:p1.example.com;lr", "sip:p2.example.com;lr"));

        Assert.Equal("sip:bob@192.0.2.4", target.RequestUri);
        Assert.Equal(["<sip:p1.example.com;lr>", "<sip:p2.example.com;lr>"], target.Route);
    }

    [Fact]
    public void Strict_first_route_becomes_the_request_uri_and_the_remote_target_goes_last()
    {
        var target = DialogTarget.For(DialogSamples.Confirmed("sip:p1.example.com;method=INVITE", "sip:p2.example.com;lr"));

        Assert.Equal("sip:p1.example.com", target.RequestUri);
        Assert.Equal(["<sip:p2.example.com;lr>", "<sip:bob@192.0.2.4>"], target.Route);
    }

    [Fact]
    public void Strict_single_route_leaves_only_the_remote_target_in_route()
    {
        var target = DialogTarget.For(DialogSamples.Confirmed("sip:p1.example.com"));

        Assert.Equal("sip:p1.example.com", target.RequestUri);
        Assert.Equal(["<sip:bob@192.0.2.4>"], target.Route);
    }

    [Fact]
    public void Route_set_entries_in_name_addr_form_are_read_as_their_uris()
    {
        var target = DialogTarget.For(DialogSamples.Confirmed("<sip:edge.example.org;lr>", "<sip:p2.example.com>"));

        Assert.Equal("sip:bob@192.0.2.4", target.RequestUri);
        Assert.Equal(["<sip:edge.example.org;lr>", "<sip:p2.example.com>"], target.Route);
    }
}
