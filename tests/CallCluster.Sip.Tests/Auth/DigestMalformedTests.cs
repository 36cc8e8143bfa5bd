using CallCluster.Sip.Auth;
using Microsoft.Extensions.Time.Testing;

namespace CallCluster.Sip.Tests.Auth;

public sealed class DigestMalformedTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Digest")]
    [InlineData("Digest username=\"a\"")]
    [InlineData("Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"u\"")]
    [InlineData("Digest username=\"a, realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\"")]
    [InlineData("Digest username=\"a\" realm=\"r\"")]
    [InlineData("Digest username=\"a\",, realm=\"r\"")]
    [InlineData("Digest username=\"a\", realm=\"r\",")]
    [InlineData("Digest username=, realm=\"r\"")]
    [InlineData("Digest =\"a\"")]
    [InlineData("Digest username=\"a\", username=\"b\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\"")]
    [InlineData("Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\", algorithm=SHA-512-256")]
    [InlineData("Digest username=\"a\\")]
    [InlineData("Digest username=\"a\rb\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\"")]
    [InlineData("Dig\"est username=\"a\"")]
    public void Bad_authorization_values_are_rejected_with_a_reason(string? value)
    {
        Assert.False(DigestAuthorization.TryParse(value, out var a, out var error));
        Assert.Null(a);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Theory]
    [InlineData("Digest nonce=\"n\"")]
    [InlineData("Digest realm=\"r\"")]
    [InlineData("Digest realm=\"r\", nonce=\"\"")]
    [InlineData("Basic realm=\"r\"")]
    [InlineData("Digest realm=\"r\", nonce=\"n\", algorithm=\"SHA-512-256\"")]
    public void Bad_challenge_values_are_rejected(string value)
    {
        Assert.False(DigestChallenge.TryParse(value, out var c, out var error));
        Assert.Null(c);
        Assert.NotEmpty(error);
    }

    [Fact]
    public void Quoted_escapes_lws_and_case_are_handled()
    {
        const string value = "digest  REALM = \"a \\\"quoted\\\" realm\" ,\t NONCE=abc , Stale=true, qop=\"auth,auth-int\"";
        Assert.True(DigestChallenge.TryParse(value, out var c, out var error), error);
        Assert.Equal("a \"quoted\" realm", c!.Realm);
        Assert.Equal("abc", c.Nonce);
        Assert.True(c.Stale);
        Assert.True(c.OffersQopAuth);
        Assert.Equal(DigestAlgorithm.Md5, c.Algorithm);
        Assert.True(DigestChallenge.TryParse(c.ToHeaderValue(), out var again, out _));
        Assert.Equal(c, again);
    }

    [Fact]
    public void Too_long_or_too_many_parameters_are_rejected()
    {
        var longValue = "Digest realm=\"" + new string('a', AuthParameters.MaxLength) + "\", nonce=\"n\"";
        Assert.False(DigestChallenge.TryParse(longValue, out _, out _));
        var many = "Digest " + string.Join(", ", Enumerable.Range(0, AuthParameters.MaxCount + 1).Select(i => $"p{i}=x"));
        Assert.False(DigestChallenge.TryParse(many, out _, out var error));
        Assert.Contains("too many", error);
    }

    [Fact]
    public void Verifier_reports_malformed_header_without_throwing()
    {
        var time = new FakeTimeProvider();
        var verifier = new DigestVerifier(new DigestChallenger(DigestChallengerOptions.Default("r", new byte[16]), time), time);
        Assert.Equal(DigestVerifyResult.Malformed, verifier.Verify("Digest username=", "REGISTER", "sip:r", _ => null));
        Assert.Equal(DigestVerifyResult.Malformed, verifier.Verify(null, "REGISTER", "sip:r", _ => null));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64 !!")]
    [InlineData("AAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Forged_nonces_are_invalid(string? nonce)
    {
        var nonces = new DigestNonces(new byte[16], "r", TimeSpan.FromMinutes(1), new FakeTimeProvider());
        Assert.Equal(NonceState.Invalid, nonces.Check(nonce, out _));
    }

    [Fact]
    public void Tampered_nonce_is_invalid_and_nonce_from_the_future_too()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(50));
        var nonces = new DigestNonces(new byte[16], "r", TimeSpan.FromMinutes(1), time);
        var nonce = nonces.Issue();
        Assert.Equal(NonceState.Valid, nonces.Check(nonce, out var issued));
        Assert.Equal(time.GetUtcNow(), issued);
        var tampered = (nonce[0] == 'A' ? 'B' : 'A') + nonce[1..];
        Assert.Equal(NonceState.Invalid, nonces.Check(tampered, out _));
        var otherRealm = new DigestNonces(new byte[16], "s", TimeSpan.FromMinutes(1), time);
        Assert.Equal(NonceState.Invalid, otherRealm.Check(nonce, out _));

        var past = new DigestNonces(new byte[16], "r", TimeSpan.FromMinutes(1), new FakeTimeProvider(time.GetUtcNow().AddMinutes(-5)));
        Assert.Equal(NonceState.Invalid, past.Check(nonce, out _));
    }
}
