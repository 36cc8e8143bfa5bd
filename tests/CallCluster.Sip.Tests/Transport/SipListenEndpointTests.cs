using System.Net;
using CallCluster.Sip.Transport;

namespace CallCluster.Sip.Tests.Transport;

public sealed class SipListenEndpointTests
{
    [Theory]
    [InlineData("udp:127.0.0.1:5060", SipTransportKind.Udp, "127.0.0.1", 5060)]
    [InlineData("TCP:[::1]:5060", SipTransportKind.Tcp, "::1", 5060)]
    [InlineData("tcp:0.0.0.0:0", SipTransportKind.Tcp, "0.0.0.0", 0)]
    [InlineData("tls:[2001:db8::1]:5061", SipTransportKind.Tls, "2001:db8::1", 5061)]
    public void Valid_forms_parse(string text, SipTransportKind kind, string address, int port)
    {
        Assert.True(SipListenEndpoint.TryParse(text, out var endpoint));
        Assert.Equal(kind, endpoint!.Kind);
        Assert.Equal(IPAddress.Parse(address), endpoint.EndPoint.Address);
        Assert.Equal(port, endpoint.EndPoint.Port);
        Assert.True(SipListenEndpoint.TryParse(endpoint.ToString(), out var again));
        Assert.Equal(endpoint, again);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("udp")]
    [InlineData("udp:")]
    [InlineData("sctp:127.0.0.1:5060")]
    [InlineData("udp:127.0.0.1")]
    [InlineData("udp:127.0.0.1:")]
    [InlineData("udp:127.0.0.1:65536")]
    [InlineData("udp:127.0.0.1:-1")]
    [InlineData("udp:127.0.0.1:50a")]
    [InlineData("tcp:::1:5060")]
    [InlineData("tcp:[::1]5060")]
    [InlineData("tcp:[::1:5060")]
    [InlineData("tcp:[127.0.0.1]:5060")]
    [InlineData("udp:example.com:5060")]
    [InlineData("udp:999.1.1.1:5060")]
    public void Invalid_forms_are_rejected(string? text)
    {
        Assert.False(SipListenEndpoint.TryParse(text, out var endpoint));
        Assert.Null(endpoint);
    }
}
