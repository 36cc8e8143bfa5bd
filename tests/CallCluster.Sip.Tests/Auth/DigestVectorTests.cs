using CallCluster.Sip.Auth;

namespace CallCluster.Sip.Tests.Auth;

public sealed class DigestVectorTests
{
    // RFC 7616 section 3.9.1 (password "Circle of Life", erratum 4495).
    private const string Realm = "http-auth@example.org";
    private const string Nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private const string Cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    [Theory]
    [InlineData(DigestAlgorithm.Md5, "8ca523f5e9506fed4657c9700eebdbec")]
    [InlineData(DigestAlgorithm.Sha256, "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")]
    public void Rfc7616_example_response(DigestAlgorithm algorithm, string expected)
    {
        var ha1 = Ha1.Compute(algorithm, "Mufasa", Realm, "Circle of Life");
        var response = DigestResponse.Compute(algorithm, ha1.Hex, Nonce, "GET", "/dir/index.html", "auth", "00000001", Cnonce);
        Assert.Equal(expected, response);
    }

    [Fact]
    public void Rfc2617_example_response_md5()
    {
        var ha1 = Ha1.Compute(DigestAlgorithm.Md5, "Mufasa", "testrealm@host.com", "Circle Of Life");
        var response = DigestResponse.Compute(DigestAlgorithm.Md5, ha1.Hex, "dcd98b7102dd2f0e8b11d0f600bfb0c093",
            "GET", "/dir/index.html", "auth", "00000001", "0a4f113b");
        Assert.Equal("6629fae49393a05397450978507c4ef1", response);
    }

    [Fact]
    public void Rfc7616_example_authorization_header_parses_and_verifies_against_stored_ha1()
    {
        const string header = "Digest username=\"Mufasa\", realm=\"http-auth@example.org\", uri=\"/dir/index.html\", " +
            "algorithm=SHA-256, nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", nc=00000001, " +
            "cnonce=\"f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ\", qop=auth, " +
            "response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\", " +
            "opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";
        Assert.True(DigestAuthorization.TryParse(header, out var a, out var error), error);
        Assert.Equal(DigestAlgorithm.Sha256, a!.Algorithm);
        Assert.True(a.TryGetNonceCount(out var nc));
        Assert.Equal(1u, nc);
        var stored = DigestCredentials.FromPassword("Mufasa", Realm, "Circle of Life");
        var recomputed = DigestResponse.Compute(a.Algorithm, stored.For(a.Algorithm).Hex, a.Nonce, "GET", a.Uri, a.Qop, a.NonceCount, a.Cnonce);
        Assert.Equal(a.Response, recomputed);
    }

    [Fact]
    public void Credentials_hold_ha1_for_both_hashes_and_never_print_them()
    {
        var c = DigestCredentials.FromPassword("alice", "example.com", "secret");
        Assert.Equal(32, c.Md5.Hex.Length);
        Assert.Equal(64, c.Sha256.Hex.Length);
        Assert.Equal(DigestAlgorithms.HashHex(DigestAlgorithm.Md5, "alice:example.com:secret"), c.Md5.Hex);
        Assert.Same(c.Sha256, c.For(DigestAlgorithm.Sha256Sess));
        Assert.DoesNotContain(c.Md5.Hex, c.ToString());
        Assert.DoesNotContain("secret", c.ToString());
    }

    [Theory]
    [InlineData("MD5", DigestAlgorithm.Md5)]
    [InlineData("md5-SESS", DigestAlgorithm.Md5Sess)]
    [InlineData("SHA-256", DigestAlgorithm.Sha256)]
    [InlineData("SHA-256-sess", DigestAlgorithm.Sha256Sess)]
    public void Algorithm_tokens_round_trip(string token, DigestAlgorithm expected)
    {
        Assert.True(DigestAlgorithms.TryParse(token, out var algorithm));
        Assert.Equal(expected, algorithm);
        Assert.True(DigestAlgorithms.TryParse(algorithm.ToToken(), out var again));
        Assert.Equal(expected, again);
    }

    [Fact]
    public void Unknown_algorithm_is_refused()
    {
        Assert.False(DigestAlgorithms.TryParse("SHA-512-256", out _));
        Assert.False(DigestAlgorithms.TryParse(null, out _));
    }
}
