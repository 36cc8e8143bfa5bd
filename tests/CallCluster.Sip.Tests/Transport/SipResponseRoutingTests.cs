using System.Net;
using CallCluster.Sip.Transport;

namespace CallCluster.Sip.Tests.Transport;

public sealed class SipResponseRoutingTests
{
    private static readonly IPEndPoint Source = new(IPAddress.Parse("192.0.2.7"), 40000);

    [Fact]
    public void Matching_ip_sent_by_is_left_alone()
    {
        var via = new SipViaAddress(SipTransportKind.Udp, "192.0.2.7", 5060);
        Assert.Same(via, SipResponseRouting.Stamp(via, new IPEndPoint(IPAddress.Parse("192.0.2.7"), 5060)));
        Assert.False(SipResponseRouting.NeedsStamp(via, new IPEndPoint(IPAddress.Parse("192.0.2.7"), 5060)));
    }

    [Fact]
    public void Domain_or_different_address_gets_received()
    {
        var named = SipResponseRouting.Stamp(new SipViaAddress(SipTransportKind.Udp, "pc33.example.com", null), Source);
        Assert.Equal("192.0.2.7", named.Received);
        var other = SipResponseRouting.Stamp(new SipViaAddress(SipTransportKind.Udp, "10.0.0.1", 5060), Source);
        Assert.Equal("192.0.2.7", other.Received);
        Assert.Null(other.Rport);
    }

    [Fact]
    public void Empty_rport_is_filled_and_received_added_even_when_address_matches()
    {
        var via = new SipViaAddress(SipTransportKind.Udp, "192.0.2.7", 5060, HasRport: true);
        var stamped = SipResponseRouting.Stamp(via, Source);
        Assert.Equal("192.0.2.7", stamped.Received);
        Assert.Equal(40000, stamped.Rport);
        Assert.Equal(new SipResponseTarget(SipTransportKind.Udp, "192.0.2.7", 40000, 0), SipResponseRouting.ForResponse(stamped, 0));
    }

    [Fact]
    public void Udp_without_rport_goes_to_received_and_sent_by_port()
    {
        var target = SipResponseRouting.ForRequest(new SipViaAddress(SipTransportKind.Udp, "10.0.0.1", 5070), Source, 0);
        Assert.Equal(new SipResponseTarget(SipTransportKind.Udp, "192.0.2.7", 5070, 0), target);
    }

    [Fact]
    public void Maddr_wins_for_unreliable_transports()
    {
        var target = SipResponseRouting.ForRequest(new SipViaAddress(SipTransportKind.Udp, "10.0.0.1", null, Maddr: "239.255.255.1"), Source, 0);
        Assert.Equal(new SipResponseTarget(SipTransportKind.Udp, "239.255.255.1", 5060, 0), target);
    }

    [Fact]
    public void Reliable_transport_uses_the_connection_then_received_with_sent_by_port()
    {
        var target = SipResponseRouting.ForRequest(new SipViaAddress(SipTransportKind.Tcp, "client.example.com", null, HasRport: true), Source, 42);
        Assert.Equal(new SipResponseTarget(SipTransportKind.Tcp, "192.0.2.7", 5060, 42), target);
        var tls = SipResponseRouting.ForResponse(new SipViaAddress(SipTransportKind.Tls, "client.example.com", null), 0);
        Assert.Equal(new SipResponseTarget(SipTransportKind.Tls, "client.example.com", 5061, 0), tls);
        Assert.False(tls.TryGetEndPoint(out _));
    }

    [Fact]
    public void Ipv6_references_compare_by_address()
    {
        var source = new IPEndPoint(IPAddress.Parse("2001:db8::9"), 5060);
        var via = new SipViaAddress(SipTransportKind.Udp, "[2001:db8::9]", 5060);
        Assert.Same(via, SipResponseRouting.Stamp(via, source));
        var target = SipResponseRouting.ForResponse(via, 0);
        Assert.True(target.TryGetEndPoint(out var endPoint));
        Assert.Equal(source, endPoint);
        var mapped = new IPEndPoint(IPAddress.Parse("192.0.2.7").MapToIPv6(), 5060);
        var v4 = new SipViaAddress(SipTransportKind.Udp, "192.0.2.7", 5060);
        Assert.Same(v4, SipResponseRouting.Stamp(v4, mapped));
    }

    [Theory]
    [InlineData(1300, null, false)]
    [InlineData(1301, null, true)]
    [InlineData(1300, 1500, false)]
    [InlineData(1301, 1500, true)]
    [InlineData(9000, 9216, false)]
    public void Udp_size_rule(int length, int? mtu, bool stream)
    {
        Assert.Equal(stream, SipUdpSizePolicy.RequiresStreamTransport(length, mtu));
        Assert.Equal(stream ? SipTransportKind.Tcp : SipTransportKind.Udp, SipUdpSizePolicy.Choose(SipTransportKind.Udp, length, mtu));
        Assert.Equal(SipTransportKind.Tcp, SipUdpSizePolicy.Choose(SipTransportKind.Tcp, length, mtu));
    }
}
