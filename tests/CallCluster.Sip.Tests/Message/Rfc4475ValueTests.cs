using System.Text;
using CallCluster.Sip.Message;
using CallCluster.Sip.Message.Headers;

namespace CallCluster.Sip.Tests.Message;

/// <summary>The valid RFC 4475 messages parse with the right values.</summary>
public sealed class Rfc4475ValueTests
{
    private static SipRequest Req(string file) => TortureData.Request("rfc4475", file);

    [Fact]
    public void Wsinv_understands_compact_names_folding_and_escaped_quotes()
    {
        var m = Req("wsinv.dat");
        Assert.Equal("INVITE", m.Method);
        Assert.Equal("vivekg", m.RequestUri!.User);
        Assert.True(m.RequestUri.Parameters.HasParameter("unknownparam"));
        Assert.Equal("1918181833n", m.To!.Tag);
        Assert.Equal("J Rosenberg \\\"", m.From!.DisplayName);
        Assert.Equal("98asjd8", m.From.Tag);
        Assert.Equal(68, m.MaxForwards);
        Assert.Equal("wsinv.ndaksdj@192.0.2.1", m.CallId);
        Assert.Equal(new SipCSeq(9, "INVITE"), m.CSeq);
        Assert.Equal(["UDP", "TCP", "UDP"], m.Via.Select(v => v.Transport));
        Assert.Equal(["192.0.2.2", "spindle.example.com", "192.168.255.111"], m.Via.Select(v => v.Host));
        Assert.Equal(["390skdjuw", "z9hG4bK9ikj8", "z9hG4bK30239"], m.Via.Select(v => v.Branch!));
        Assert.Equal(string.Empty, m.GetHeaderValue("Subject"));
        Assert.Equal("newfangled value continued newfangled value", m.GetHeaderValue("newfangledheader"));
        Assert.Equal(";;,,;;,;", m.GetHeaderValue("UnknownHeaderWithUnusualValue"));
        var contact = Assert.Single(m.Contact);
        Assert.Equal("Quoted string \"\"", contact.Address!.DisplayName);
        Assert.Equal("newvalue", contact.Address.Parameters.GetParameter("newparam"));
        Assert.True(contact.Address.Parameters.HasParameter("secondparam"));
        Assert.Equal(0.33, contact.Q);
        Assert.True(Assert.Single(m.Route).Uri.LooseRouting);
        Assert.Equal(150, m.Body.Length);
        Assert.True(m.ContentType!.Is("application", "sdp"));
    }

    [Fact]
    public void Intmeth_accepts_odd_token_characters_everywhere()
    {
        var m = Req("intmeth.dat");
        Assert.Equal("!interesting-Method0123456789_*+`.%indeed'~", m.Method);
        Assert.Equal(m.Method, m.CSeq!.Method);
        Assert.Equal("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*", m.RequestUri!.User);
        Assert.Equal("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)", m.RequestUri.Password);
        Assert.Equal("example.com", m.RequestUri.Host);
        Assert.Equal("BEL:\a NUL:\0 DEL:\x7F", m.To!.DisplayName);
        Assert.Equal("token1~` token2'+_ token3*%!.-", m.From!.DisplayName);
        Assert.Equal("_token~1'+`*%!-.", m.From.Tag);
        Assert.Equal("\u0440\u0430\u0431\u043e\u0442\u0430\u044e\u0449\u0438\u0439", m.From.Parameters.GetParameter("fromParam''~+*_!.-%"));
        Assert.Equal("intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{", m.CallId);
        Assert.Equal(255, m.MaxForwards);
        Assert.Equal("z9hG4bK-.!%66*_+`'~", m.TopVia!.Branch);
    }

    [Fact]
    public void Esc01_escaped_request_uri_equals_its_unescaped_form()
    {
        var m = Req("esc01.dat");
        Assert.Equal("sips:user@example.com", m.RequestUri!.User);
        Assert.Equal(SipUri.Parse("sip:sips%3auser%40example.com@example.net"), m.RequestUri);
        Assert.Equal("user", m.To!.Uri.User);
        Assert.Equal("I have spaces", m.From!.Uri.User);
        Assert.Equal("caller", m.Contact[0].Uri!.User);
        Assert.Equal("esc01.239409asdfakjkn23onasd0-3234", m.CallId);
    }

    [Fact]
    public void Escnull_keeps_nul_characters_without_truncating()
    {
        var m = Req("escnull.dat");
        Assert.Equal("null-\0-null", m.To!.Uri.User);
        Assert.Equal(["\0", "\0\0"], m.Contact.Select(c => c.Uri!.User!));
        Assert.Equal("839923423", m.From!.Tag);
    }

    [Fact]
    public void Esc02_percent_that_is_no_escape_is_kept()
    {
        var m = Req("esc02.dat");
        Assert.Equal("RE%47IST%45R", m.Method);
        Assert.Equal("%Z%45", m.To!.DisplayName);
        Assert.Equal("z9hG4bK209%fzsnel234", m.TopVia!.Branch);
        Assert.Equal(2, m.Contact.Count);
        Assert.Equal("<sip:alias2@host2.example.com>", m.GetHeaderValue("C%6Fntact"));
    }

    [Fact]
    public void Lwsdisp_display_name_without_space_before_angle()
    {
        var m = Req("lwsdisp.dat");
        Assert.Equal("caller", m.From!.DisplayName);
        Assert.Equal("323", m.From.Tag);
        Assert.Equal("caller", m.From.Uri.User);
    }

    [Fact]
    public void Longreq_long_values_and_34_vias_in_many_spellings()
    {
        var m = Req("longreq.dat");
        Assert.Equal(34, m.Via.Count);
        Assert.Equal("sip33.example.com", m.Via[0].Host);
        Assert.Equal("host.example.com", m.Via[^1].Host);
        Assert.Equal("192.0.2.5", m.Via[^1].Received);
        Assert.StartsWith("I have a user name of extreme", m.To!.DisplayName, StringComparison.Ordinal);
        Assert.Equal(6000, m.To.Uri.Port);
        Assert.StartsWith("12982982982982", m.From!.Tag, StringComparison.Ordinal);
        Assert.Equal(70, m.MaxForwards);
        Assert.Equal(150, m.Body.Length);
    }

    [Fact]
    public void Dblreq_takes_the_first_request_and_discards_the_rest()
    {
        var data = TortureData.Load("rfc4475", "dblreq.dat");
        var m = Req("dblreq.dat");
        Assert.Equal("REGISTER", m.Method);
        Assert.True(m.Body.IsEmpty);
        Assert.Equal(Encoding.ASCII.GetString(data).IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4, m.Length);
        Assert.Equal("dblreq.0ha0isndaksdj99sdfafnl3lk233412", m.CallId);
    }

    [Fact]
    public void Semiuri_semicolon_belongs_to_the_user_part()
    {
        var m = Req("semiuri.dat");
        Assert.Equal("user;par=u@example.net", m.RequestUri!.User);
        Assert.Equal("example.com", m.RequestUri.Host);
        Assert.Empty(m.RequestUri.Parameters);
        Assert.Equal(6, m.Accept.Count);
        Assert.Equal("message/sipfrag", m.Accept[^1].MediaType);
    }

    [Fact]
    public void Transports_unknown_and_mixed_transports()
    {
        var m = Req("transports.dat");
        Assert.Equal(["UDP", "SCTP", "TLS", "UNKNOWN", "TCP"], m.Via.Select(v => v.Transport));
        Assert.Equal("transports.kijh4akdnaqjkwendsasfdj", m.CallId);
    }

    [Fact]
    public void Mpart01_multipart_body_is_kept_byte_exact()
    {
        var data = TortureData.Load("rfc4475", "mpart01.dat");
        var m = Req("mpart01.dat");
        Assert.Equal("multipart/mixed", m.ContentType!.MediaType);
        Assert.Equal("7a9cbec02ceef655", m.ContentType.Boundary);
        Assert.Equal(553, m.Body.Length);
        Assert.Equal(data.AsSpan(data.Length - 553).ToArray(), m.Body.ToArray());
        Assert.Equal(data, m.ToBytes());
    }

    [Fact]
    public void Unreason_utf8_reason_phrase()
    {
        var m = TortureData.Response("rfc4475", "unreason.dat");
        Assert.Equal(200, m.StatusCode);
        Assert.StartsWith("= 2**3 * 5**2 \u043d\u043e", m.ReasonPhrase, StringComparison.Ordinal);
        Assert.EndsWith("\u043f\u0440\u043e\u0441\u0442\u043e\u0435", m.ReasonPhrase, StringComparison.Ordinal);
        Assert.Equal("2229", m.To!.Tag);
    }

    [Fact]
    public void Noreason_empty_reason_phrase()
    {
        var m = TortureData.Response("rfc4475", "noreason.dat");
        Assert.Equal(100, m.StatusCode);
        Assert.Equal(string.Empty, m.ReasonPhrase);
        Assert.Equal("902jndnke3", m.To!.Tag);
    }

    [Fact]
    public void Badbranch_branch_that_is_only_the_cookie()
    {
        var m = Req("badbranch.dat");
        Assert.Equal("z9hG4bK", m.TopVia!.Branch);
        Assert.Equal(3, m.MaxForwards);
    }
}
