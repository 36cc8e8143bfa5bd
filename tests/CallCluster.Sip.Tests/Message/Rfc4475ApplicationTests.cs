using System.Text;
using CallCluster.Sip.Message;
using CallCluster.Sip.Message.Headers;

namespace CallCluster.Sip.Tests.Message;

/// <summary>RFC 4475 section 3.3 and 3.4 messages: values an application relies on.</summary>
public sealed class Rfc4475ApplicationTests
{
    private static SipRequest Req(string file) => TortureData.Request("rfc4475", file);

    [Fact]
    public void Unksm2_unknown_schemes_in_header_uris_are_fine()
    {
        var m = Req("unksm2.dat");
        Assert.Equal("isbn", m.To!.Uri.Scheme);
        Assert.Equal("http", m.From!.Uri.Scheme);
        Assert.Equal("name", m.Contact[0].Uri!.Scheme);
        Assert.Equal("John_Smith", m.Contact[0].Uri!.SchemeSpecificPart);
    }

    [Fact]
    public void Regaut01_unknown_authorization_scheme_is_parsed()
    {
        var auth = Assert.Single(Req("regaut01.dat").Authorization);
        Assert.Equal("NoOneKnowsThisScheme", auth.Scheme);
        Assert.False(auth.IsDigest);
        Assert.Equal("here", auth.Get("opaque-data"));
    }

    [Fact]
    public void Cparam01_parameter_after_addr_spec_belongs_to_the_contact()
    {
        var c = Assert.Single(Req("cparam01.dat").Contact);
        Assert.Empty(c.Uri!.Parameters);
        Assert.True(c.Address!.Parameters.HasParameter("unknownparam"));
        Assert.Equal("+19725552222", c.Uri.User);
    }

    [Fact]
    public void Cparam02_parameter_inside_angle_brackets_belongs_to_the_uri()
    {
        var c = Assert.Single(Req("cparam02.dat").Contact);
        Assert.True(c.Uri!.Parameters.HasParameter("unknownparam"));
        Assert.Empty(c.Address!.Parameters);
    }

    [Fact]
    public void Regescrt_escaped_header_in_contact_uri_is_kept()
    {
        var c = Assert.Single(Req("regescrt.dat").Contact);
        Assert.Equal("%3Csip:sip.example.com%3E", c.Uri!.Headers.GetParameter("Route"));
        Assert.Equal("<sip:sip.example.com>", UriEscaping.Unescape(c.Uri.Headers.GetParameter("Route")));
    }

    [Fact]
    public void Regbadct_addr_spec_with_headers_is_accepted_liberally()
    {
        var c = Assert.Single(Req("regbadct.dat").Contact);
        Assert.Equal("example.com", c.Uri!.Host);
        Assert.Single(c.Uri.Headers);
    }

    [Fact]
    public void Inv2543_rfc2543_style_request()
    {
        var m = Req("inv2543.dat");
        Assert.Null(m.TopVia!.Branch);
        Assert.False(m.TopVia.HasMagicCookie);
        Assert.Null(m.MaxForwards);
        Assert.Null(m.To!.Tag);
        Assert.Null(m.From!.Tag);
        Assert.Equal("phone", m.From.Uri.UserParameter);
        Assert.Equal("ss1.example.com", Assert.Single(m.RecordRoute).Uri.Maddr);
        Assert.Null(m.ContentLength);
        Assert.StartsWith("v=0", Encoding.ASCII.GetString(m.Body.Span), StringComparison.Ordinal);
    }

    [Fact]
    public void Sdp01_accept_lists_an_unknown_type()
    {
        var m = Req("sdp01.dat");
        Assert.Equal("text/nobodyknowsthis", Assert.Single(m.Accept).MediaType);
        Assert.Equal("application/sdp", m.ContentType!.MediaType);
    }

    [Fact]
    public void Bext01_rejection_lists_the_unsupported_extensions()
    {
        var m = Req("bext01.dat");
        Assert.False(SipRequestValidator.TryValidate(m, out var error));
        var answer = SipRequestValidator.CreateRejection(m, error, SipValidationOptions.Default);
        Assert.Equal(420, answer.StatusCode);
        Assert.Equal(["nothingSupportsThis", "nothingSupportsThisEither"], answer.Unsupported);
    }

    [Fact]
    public void Invut_rejection_carries_accept()
    {
        var m = Req("invut.dat");
        Assert.False(SipRequestValidator.TryValidate(m, out var error));
        var answer = SipRequestValidator.CreateRejection(m, error, SipValidationOptions.Default);
        Assert.Equal(415, answer.StatusCode);
        Assert.Contains(answer.Accept, a => a.MediaType == "application/sdp");
    }
}
