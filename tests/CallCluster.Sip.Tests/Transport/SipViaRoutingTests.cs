using System.Net;
using System.Text;
using CallCluster.Sip.Message;
using CallCluster.Sip.Transport;

namespace CallCluster.Sip.Tests.Transport;

public sealed class SipViaRoutingTests
{
    private static readonly IPEndPoint Source = new(IPAddress.Parse("198.51.100.20"), 34567);

    private static T Parse<T>(string text) where T : SipMessage
    {
        Assert.True(SipParser.TryParse(Encoding.ASCII.GetBytes(text), out var message, out var error), error.ToString());
        return Assert.IsType<T>(message);
    }

    private static string Request(string via) =>
        $"OPTIONS sip:gw.example.com SIP/2.0\r\nVia: {via}\r\nVia: SIP/2.0/UDP 10.9.9.9;branch=z9hG4bKlower\r\n" +
        "Max-Forwards: 70\r\nTo: <sip:gw.example.com>\r\nFrom: <sip:a@example.com>;tag=1\r\nCall-ID: v1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";

    [Fact]
    public void Rport_request_gets_received_and_rport_and_response_goes_to_the_nat_binding()
    {
        var request = Parse<SipRequest>(Request("SIP/2.0/UDP 10.0.0.5:5060;rport;branch=z9hG4bKnat"));
        var stamped = SipViaRouting.StampTopVia(request, Source);
        Assert.Equal("198.51.100.20", stamped.TopVia!.Received);
        Assert.Equal(34567, stamped.TopVia.RPort);
        Assert.Equal("z9hG4bKnat", stamped.TopVia.Branch);
        Assert.Equal(2, stamped.Via.Count);
        Assert.Null(stamped.Via[1].Received);

        var reparsed = Parse<SipRequest>(stamped.ToString());
        Assert.Equal(34567, reparsed.TopVia!.RPort);

        var response = Parse<SipResponse>(
            $"SIP/2.0 200 OK\r\nVia: {stamped.TopVia}\r\nTo: <sip:gw.example.com>;tag=2\r\nFrom: <sip:a@example.com>;tag=1\r\n" +
            "Call-ID: v1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n");
        Assert.True(SipViaRouting.TryRoute(response, 0, out var target));
        Assert.True(target!.TryGetEndPoint(out var endPoint));
        Assert.Equal(Source, endPoint);
    }

    [Fact]
    public void Request_from_its_sent_by_address_is_unchanged()
    {
        var request = Parse<SipRequest>(Request("SIP/2.0/TCP 198.51.100.20:5060;branch=z9hG4bKsame"));
        Assert.Same(request, SipViaRouting.StampTopVia(request, Source));
    }

    [Fact]
    public void Unsupported_via_transport_is_left_alone_and_not_routed()
    {
        var request = Parse<SipRequest>(Request("SIP/2.0/SCTP 10.0.0.5;branch=z9hG4bKsctp"));
        Assert.Same(request, SipViaRouting.StampTopVia(request, Source));
        Assert.False(SipViaRouting.TryGetAddress(request.TopVia!, out _));
    }
}
