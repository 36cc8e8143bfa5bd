using System.Text;
using CallCluster.Gateway.Tests.Support;
using CallCluster.Sip.Auth;
using Xunit.Abstractions;

namespace CallCluster.Gateway.Tests;

public sealed class RegistrarTests(ITestOutputHelper output) : GatewayTestKit(output)
{
    [Fact]
    public void Options_is_answered_200_with_allow_accept_and_supported()
    {
        using var ua = NewUa("alice");
        ua.Send(SipText.Request(ua, "OPTIONS", $"sip:{SipText.Domain}", $"sip:{SipText.Domain}", SipText.NewId(), 1, "o1"));
        var response = ua.ExpectResponse();
        Assert.Equal(200, response.StatusCode);
        Assert.Contains("INVITE", response.Allow);
        Assert.Contains("REGISTER", response.Allow);
        Assert.Contains(response.Accept, a => a.MediaType == "application/sdp");
        Assert.Contains("timer", response.Supported);
        Assert.True(Handle.Metrics.Snapshot()["sip_in_request{method=\"OPTIONS\"}"] >= 1);
        Assert.True(Handle.Metrics.Snapshot()["sip_out_response{status=\"200\"}"] >= 1);
    }

    [Fact]
    public void Register_is_challenged_with_sha256_first_then_accepted_with_the_contact()
    {
        using var ua = NewUa("bob");
        ua.Send(SipText.Request(ua, "REGISTER", $"sip:{SipText.Domain}", $"sip:bob@{SipText.Domain}", SipText.NewId(), 1, "r0", extra: "Expires: 600"));
        var challenge = ua.ExpectResponse();
        Assert.Equal(401, challenge.StatusCode);
        var algorithms = challenge.WwwAuthenticate.Select(h => DigestChallenge.TryFrom(h, out var c, out _) ? c!.Algorithm : (DigestAlgorithm?)null).ToList();
        Assert.Equal([DigestAlgorithm.Sha256, DigestAlgorithm.Md5], algorithms);

        var ok = Register(ua, DigestAlgorithm.Sha256);
        Assert.Equal(200, ok.StatusCode);
        var contact = Assert.Single(ok.Contact);
        Assert.Equal(ua.Contact, contact.Uri!.ToString());
        Assert.InRange(contact.Expires ?? 0, 1, 600);
    }

    [Fact]
    public void Register_with_md5_credentials_is_accepted()
    {
        using var ua = NewUa("carol");
        var ok = Register(ua, DigestAlgorithm.Md5);
        Assert.Equal(200, ok.StatusCode);
        Assert.Single(ok.Contact);
    }

    [Fact]
    public void Register_with_a_wrong_password_is_challenged_again()
    {
        using var ua = NewUa("bob");
        var aor = $"sip:bob@{SipText.Domain}";
        var first = SipText.Request(ua, "REGISTER", $"sip:{SipText.Domain}", aor, "c-wrong", 1, "r1");
        ua.Send(first);
        var challenge = ua.ExpectResponse();
        var credentials = SipText.Answer(challenge, first, "bob", "not-the-password");
        ua.Send(SipText.Request(ua, "REGISTER", $"sip:{SipText.Domain}", aor, "c-wrong", 2, "r1", extra: credentials));
        Assert.Equal(401, ua.ExpectResponse().StatusCode);
    }

    [Fact]
    public void Register_for_another_users_aor_is_forbidden()
    {
        using var ua = NewUa("bob");
        var aor = $"sip:alice@{SipText.Domain}";
        var first = SipText.Request(ua, "REGISTER", $"sip:{SipText.Domain}", aor, "c-other", 1, "r1");
        ua.Send(first);
        var challenge = ua.ExpectResponse();
        var credentials = SipText.Answer(challenge, first, "bob", Password);
        ua.Send(SipText.Request(ua, "REGISTER", $"sip:{SipText.Domain}", aor, "c-other", 2, "r1", extra: credentials));
        Assert.Equal(403, ua.ExpectResponse().StatusCode);
    }

    [Fact]
    public void Bad_bytes_get_400_and_the_gateway_keeps_answering()
    {
        using var ua = NewUa("alice");
        var broken = $"OPTIONS sip:{SipText.Domain} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{ua.Port};branch=z9hG4bKbad1\r\nFrom: <sip:alice@{SipText.Domain}>;tag=1\r\nTo: <sip:{SipText.Domain}>\r\nCall-ID: bad-1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 999999\r\n\r\n";
        ua.SendBytes(Encoding.ASCII.GetBytes(broken));
        var rejection = ua.ExpectResponse();
        Assert.Equal(400, rejection.StatusCode);
        Assert.Equal("bad-1", rejection.CallId);

        ua.SendBytes([0xff, 0x00, 0x13, 0x37, 0x0d, 0x0a]);
        ua.Send(SipText.Request(ua, "OPTIONS", $"sip:{SipText.Domain}", $"sip:{SipText.Domain}", "after-bad", 1, "o1"));
        var ok = ua.ExpectResponse();
        Assert.Equal(200, ok.StatusCode);
        Assert.Equal("after-bad", ok.CallId);
    }
}
