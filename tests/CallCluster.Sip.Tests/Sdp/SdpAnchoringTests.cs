using CallCluster.Sip.Rtp;
using CallCluster.Sip.Sdp;

namespace CallCluster.Sip.Tests.Sdp;

public sealed class SdpAnchoringTests
{
    private static readonly SdpOrigin Anchor = SdpOrigin.Create("callcluster", "99", 5, "10.0.0.9");

    [Fact]
    public void Rewrites_origin_address_and_ports_and_drops_ice()
    {
        var text = SdpSamples.AudioVideoOffer.Replace("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=candidate:1 1 UDP 2122252543 192.0.2.10 51372 typ host\r\na=ice-ufrag:abcd\r\n", StringComparison.Ordinal)
            + "m=application 9 UDP/BFCP *\r\n";
        Assert.True(SdpParser.TryParse(text, out var offer, out var error), error.ToString());
        var anchored = SdpAnchoring.Rewrite(offer!, Anchor, "10.0.0.9", [20000, 20002], [20001]);

        Assert.Equal(Anchor, anchored.Origin);
        Assert.Equal(SdpConnection.Create("10.0.0.9"), anchored.Connection);
        Assert.Equal((20000, new SdpRtcp(20001)), (anchored.Media[0].Port, anchored.Media[0].Rtcp));
        Assert.Equal(20002, anchored.Media[1].Port);
        Assert.Null(anchored.Media[1].Rtcp);
        Assert.DoesNotContain(anchored.Media[1].Attributes, a => a.Name is "candidate" or "ice-ufrag");
        Assert.True(anchored.Media[1].RtcpMux);
        Assert.Equal(offer!.Media[1].Formats, anchored.Media[1].Formats);
        Assert.True(anchored.Media[2].IsRejected); // no port given
        Assert.Equal(SdpDirection.RecvOnly, anchored.GetDirection(1));
        Assert.True(SdpParser.TryParse(anchored.ToBytes(), out var reparsed, out _));
        Assert.Equal(anchored, reparsed);
    }

    [Fact]
    public void Media_level_connections_follow_the_anchor()
    {
        Assert.True(SdpParser.TryParse(SdpSamples.Ipv6Audio, out var sdp, out _));
        var anchored = SdpAnchoring.Rewrite(sdp!, Anchor, "10.0.0.9", [30000]);
        Assert.Equal(SdpConnection.Create("10.0.0.9"), anchored.GetConnection(0));
        Assert.Null(anchored.Media[0].Rtcp);
    }
}
