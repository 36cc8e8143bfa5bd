using CallCluster.Sip.Auth;
using Microsoft.Extensions.Time.Testing;

namespace CallCluster.Sip.Tests.Auth;

public sealed class DigestRoundTripTests
{
    private const string Realm = "callcluster.test";
    private const string Uri = "sip:callcluster.test";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero));
    private readonly DigestChallenger _challenger;
    private readonly DigestVerifier _verifier;
    private readonly DigestCredentials _alice = DigestCredentials.FromPassword("alice", Realm, "wonderland");

    public DigestRoundTripTests()
    {
        _challenger = new DigestChallenger(DigestChallengerOptions.Default(Realm, new byte[32]), _time);
        _verifier = new DigestVerifier(_challenger, _time, replayCapacity: 4);
    }

    private DigestCredentials? Lookup(string user) => user == "alice" ? _alice : null;

    private DigestVerifyResult Verify(DigestAuthorization a, string method = "REGISTER") =>
        _verifier.Verify(a, method, Uri, Lookup(a.Username));

    [Fact]
    public void Challenge_offers_sha256_first_then_md5_with_qop_auth_and_opaque()
    {
        var values = _challenger.CreateHeaderValues();
        Assert.Equal(2, values.Count);
        Assert.Contains("algorithm=SHA-256", values[0]);
        Assert.Contains("algorithm=MD5", values[1]);
        Assert.All(values, v => Assert.Contains("qop=\"auth\"", v));
        Assert.All(values, v => Assert.Contains("opaque=\"", v));
        Assert.All(values, v => Assert.DoesNotContain("stale", v));
        Assert.Contains("stale=TRUE", _challenger.CreateHeaderValues(stale: true)[0]);
    }

    [Fact]
    public void Client_picks_sha256_and_server_accepts()
    {
        var client = DigestClient.FromPassword("alice", "wonderland");
        Assert.True(client.TryAnswer(_challenger.CreateHeaderValues(), "REGISTER", Uri, out var a));
        Assert.Equal(DigestAlgorithm.Sha256, a!.Algorithm);
        Assert.Equal("00000001", a.NonceCount);
        Assert.Equal(DigestVerifyResult.Ok, Verify(a));
    }

    [Fact]
    public void Client_uses_md5_when_only_md5_is_offered_and_header_text_round_trips()
    {
        var md5Only = new DigestChallenger(
            DigestChallengerOptions.Default(Realm, new byte[32]) with { Algorithms = [DigestAlgorithm.Md5] }, _time);
        var verifier = new DigestVerifier(md5Only, _time);
        var client = DigestClient.FromPassword("alice", "wonderland");
        Assert.True(client.TryAnswer(md5Only.CreateHeaderValues(), "INVITE", Uri, out var a));
        Assert.Equal(DigestAlgorithm.Md5, a!.Algorithm);
        Assert.Equal(DigestVerifyResult.Ok, verifier.Verify(a.ToHeaderValue(), "INVITE", Uri, Lookup));
    }

    [Theory]
    [InlineData(DigestAlgorithm.Md5Sess)]
    [InlineData(DigestAlgorithm.Sha256Sess)]
    public void Session_algorithms_round_trip(DigestAlgorithm algorithm)
    {
        var challenge = _challenger.CreateChallenges()[0] with { Algorithm = algorithm };
        var client = DigestClient.FromPassword("alice", "wonderland");
        Assert.True(client.TryAnswer([challenge], "REGISTER", Uri, out var a));
        Assert.Equal(DigestVerifyResult.Ok, Verify(a!));
    }

    [Fact]
    public void Client_built_from_stored_credentials_is_accepted()
    {
        var client = DigestClient.FromCredentials(_alice);
        Assert.True(client.TryAnswer(_challenger.CreateHeaderValues(), "REGISTER", Uri, out var a));
        Assert.Equal(DigestVerifyResult.Ok, Verify(a!));
    }

    [Fact]
    public void Wrong_password_gives_bad_response()
    {
        var client = DigestClient.FromPassword("alice", "looking-glass");
        Assert.True(client.TryAnswer(_challenger.CreateHeaderValues(), "REGISTER", Uri, out var a));
        Assert.Equal(DigestVerifyResult.BadResponse, Verify(a!));
    }

    [Fact]
    public void Unknown_user_is_reported()
    {
        var client = DigestClient.FromPassword("mallory", "x");
        Assert.True(client.TryAnswer(_challenger.CreateHeaderValues(), "REGISTER", Uri, out var a));
        Assert.Equal(DigestVerifyResult.UnknownUser, Verify(a!));
    }

    [Fact]
    public void Response_for_another_method_or_uri_is_refused()
    {
        var client = DigestClient.FromPassword("alice", "wonderland");
        Assert.True(client.TryAnswer(_challenger.CreateHeaderValues(), "REGISTER", Uri, out var a));
        Assert.Equal(DigestVerifyResult.BadResponse, Verify(a!, "INVITE"));
        Assert.Equal(DigestVerifyResult.UriMismatch, _verifier.Verify(a!, "REGISTER", "sip:other.test", _alice));
    }

    [Fact]
    public void Expired_nonce_with_right_password_is_stale_and_new_challenge_works()
    {
        var client = DigestClient.FromPassword("alice", "wonderland");
        var challenges = _challenger.CreateHeaderValues();
        _time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        Assert.True(client.TryAnswer(challenges, "REGISTER", Uri, out var late));
        Assert.Equal(DigestVerifyResult.Stale, Verify(late!));

        var wrong = DigestClient.FromPassword("alice", "nope");
        Assert.True(wrong.TryAnswer(challenges, "REGISTER", Uri, out var lateWrong));
        Assert.Equal(DigestVerifyResult.BadResponse, Verify(lateWrong!));

        Assert.True(client.TryAnswer(_challenger.CreateHeaderValues(stale: true), "REGISTER", Uri, out var fresh));
        Assert.Equal("00000001", fresh!.NonceCount);
        Assert.Equal(DigestVerifyResult.Ok, Verify(fresh));
    }

    [Fact]
    public void Nonce_still_valid_just_before_lifetime()
    {
        var client = DigestClient.FromPassword("alice", "wonderland");
        var challenges = _challenger.CreateHeaderValues();
        _time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.True(client.TryAnswer(challenges, "REGISTER", Uri, out var a));
        Assert.Equal(DigestVerifyResult.Ok, Verify(a!));
    }

    [Fact]
    public void Replayed_nonce_count_is_rejected_and_next_count_accepted()
    {
        var client = DigestClient.FromPassword("alice", "wonderland");
        Assert.True(client.TryAnswer(_challenger.CreateHeaderValues(), "REGISTER", Uri, out var first));
        Assert.Equal(DigestVerifyResult.Ok, Verify(first!));
        Assert.Equal(DigestVerifyResult.Replay, Verify(first!));

        var second = client.Authorize("REGISTER", Uri);
        Assert.Equal("00000002", second!.NonceCount);
        Assert.Equal(first!.Cnonce, second.Cnonce);
        Assert.Equal(DigestVerifyResult.Ok, Verify(second));
        Assert.Equal(DigestVerifyResult.Replay, Verify(first));
    }

    [Fact]
    public void Nonce_from_another_secret_is_invalid()
    {
        var other = new DigestChallenger(DigestChallengerOptions.Default(Realm, Enumerable.Repeat((byte)7, 32).ToArray()), _time);
        var client = DigestClient.FromPassword("alice", "wonderland");
        Assert.True(client.TryAnswer(other.CreateChallenges().Select(c => c with { Opaque = null }).ToList(), "REGISTER", Uri, out var a));
        Assert.Equal(DigestVerifyResult.InvalidNonce, Verify(a!));
    }

    [Fact]
    public void Nonce_validates_on_another_node_sharing_the_secret()
    {
        var otherNode = new DigestChallenger(DigestChallengerOptions.Default(Realm, new byte[32]), _time);
        var otherVerifier = new DigestVerifier(otherNode, _time);
        var client = DigestClient.FromPassword("alice", "wonderland");
        Assert.True(client.TryAnswer(_challenger.CreateHeaderValues(), "REGISTER", Uri, out var a));
        Assert.Equal(DigestVerifyResult.Ok, otherVerifier.Verify(a!, "REGISTER", Uri, _alice));
    }

    [Fact]
    public void Wrong_realm_and_wrong_opaque_are_refused()
    {
        var client = DigestClient.FromPassword("alice", "wonderland");
        Assert.True(client.TryAnswer(_challenger.CreateHeaderValues(), "REGISTER", Uri, out var a));
        Assert.Equal(DigestVerifyResult.RealmMismatch, Verify(a! with { Realm = "elsewhere" }));
        Assert.Equal(DigestVerifyResult.OpaqueMismatch, Verify(a! with { Opaque = "xyz" }));
    }

    [Fact]
    public void Missing_qop_or_bad_nc_is_refused()
    {
        var client = DigestClient.FromPassword("alice", "wonderland");
        Assert.True(client.TryAnswer(_challenger.CreateHeaderValues(), "REGISTER", Uri, out var a));
        Assert.Equal(DigestVerifyResult.UnsupportedQop, Verify(a! with { Qop = null }));
        Assert.Equal(DigestVerifyResult.UnsupportedQop, Verify(a! with { Qop = "auth-int" }));
        Assert.Equal(DigestVerifyResult.Malformed, Verify(a! with { NonceCount = "1" }));
        Assert.Equal(DigestVerifyResult.Malformed, Verify(a! with { Cnonce = null }));
        Assert.Equal(DigestVerifyResult.Malformed, Verify(a! with { Response = "abc" }));
    }

    [Fact]
    public void Client_cannot_answer_unknown_algorithms_only()
    {
        var client = DigestClient.FromPassword("alice", "wonderland");
        Assert.False(client.TryAnswer(["Digest realm=\"r\", nonce=\"n\", algorithm=SHA-512-256, qop=\"auth\"", "Basic realm=\"r\""],
            "REGISTER", Uri, out var a));
        Assert.Null(a);
        Assert.Null(client.Authorize("REGISTER", Uri));
    }
}
