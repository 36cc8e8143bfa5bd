using System.Text;
using CallCluster.Sip.Message;

namespace CallCluster.Sip.Tests.Message;

/// <summary>RFC 5118 IPv6 torture messages.</summary>
public sealed class Rfc5118Tests
{
    private static readonly Dictionary<string, (bool Accept, SipRejectReason Reason)> Expected = new()
    {
        ["ipv6-good.dat"] = (true, default), ["port-ambiguous.dat"] = (true, default), ["port-unambiguous.dat"] = (true, default),
        ["ipv6-bad.dat"] = (false, SipRejectReason.InvalidRequestUri), ["via-received-param-with-delim.dat"] = (true, default),
        ["via-received-param-no-delim.dat"] = (true, default), ["ipv6-in-sdp.dat"] = (true, default),
        ["mult-ip-in-header.dat"] = (true, default), ["mult-ip-in-sdp.dat"] = (true, default), ["ipv4-mapped-ipv6.dat"] = (true, default),
        ["ipv6-correct-abnf-2-colons.dat"] = (true, default), ["ipv6-bug-abnf-3-colons.dat"] = (false, SipRejectReason.InvalidHeaderValue),
    };

    public static IEnumerable<object[]> Rows => TortureData.Manifest("rfc5118");

    private static SipRequest Req(string file) => TortureData.Request("rfc5118", file);

    [Fact]
    public void Manifest_lists_12_messages() => Assert.Equal(12, Rows.Count());

    [Theory]
    [MemberData(nameof(Rows))]
    public void Message_gets_the_manifest_behaviour(string file, string kind, string behaviour)
    {
        Assert.True(Expected.TryGetValue(file, out var expected), $"no expectation for {file} ({kind})");
        var outcome = TortureData.Evaluate(TortureData.Load("rfc5118", file));
        Assert.Equal(expected.Accept, outcome.Accepted);
        Assert.Equal(expected.Reason, outcome.Error.Reason);
        if (!expected.Accept)
        {
            Assert.Equal(400, outcome.Error.ToStatusCode());
            Assert.Contains("reject", behaviour, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Ipv6_references_in_request_uri_via_and_contact()
    {
        var m = Req("ipv6-good.dat");
        Assert.Equal("[2001:db8::10]", m.RequestUri!.Host);
        Assert.True(m.RequestUri.IsIPv6Host);
        Assert.Equal("[2001:db8::9:1]", m.TopVia!.Host);
        Assert.Equal("[2001:db8::1]", m.Contact[0].Uri!.Host);
        Assert.Equal("Caller", m.Contact[0].Address!.DisplayName);
    }

    [Fact]
    public void Port_inside_brackets_is_part_of_the_address()
    {
        var ambiguous = Req("port-ambiguous.dat").RequestUri!;
        Assert.Equal("[2001:db8::10:5070]", ambiguous.Host);
        Assert.Null(ambiguous.Port);
        var unambiguous = Req("port-unambiguous.dat").RequestUri!;
        Assert.Equal("[2001:db8::10]", unambiguous.Host);
        Assert.Equal(5070, unambiguous.Port);
        Assert.NotEqual(ambiguous, unambiguous);
    }

    [Fact]
    public void Received_with_and_without_brackets()
    {
        Assert.Equal("[2001:db8::9:255]", Req("via-received-param-with-delim.dat").TopVia!.Received);
        Assert.Equal("2001:db8::9:255", Req("via-received-param-no-delim.dat").TopVia!.Received);
        Assert.Equal("z9hG4bKas3", Req("via-received-param-no-delim.dat").TopVia!.Branch);
    }

    [Fact]
    public void Mixed_ipv4_and_ipv6_vias()
    {
        var m = Req("mult-ip-in-header.dat");
        Assert.Equal(["[2001:db8::9:1]", "192.0.2.1", "[2001:db8::9:255]"], m.Via.Select(v => v.Host));
        Assert.Equal(6050, m.Via[0].Port);
        Assert.Equal("192.0.2.200", m.Via[2].Received);
        Assert.Equal("TCP", m.Via[2].Transport);
    }

    [Fact]
    public void Ipv4_mapped_ipv6_address()
    {
        var m = Req("ipv4-mapped-ipv6.dat");
        Assert.Equal("[::ffff:192.0.2.10]", m.TopVia!.Host);
        Assert.Equal(19823, m.TopVia.Port);
        Assert.Equal("[::ffff:192.0.2.2]", m.Contact[0].Uri!.Host);
    }

    [Fact]
    public void Ipv6_in_sdp_body_is_kept()
    {
        var m = Req("ipv6-in-sdp.dat");
        Assert.Equal(m.ContentLength, m.Body.Length);
        Assert.Contains("IN IP6 2001:db8::20", Encoding.ASCII.GetString(m.Body.Span), StringComparison.Ordinal);
        Assert.Equal("[2001:db8::192.0.2.1]", Req("ipv6-correct-abnf-2-colons.dat").RequestUri!.Host);
        Assert.Null(Req("ipv6-bug-abnf-3-colons.dat").RequestUri);
    }
}
