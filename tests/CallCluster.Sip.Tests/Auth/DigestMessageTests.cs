using System.Text;
using CallCluster.Sip.Auth;
using CallCluster.Sip.Message;
using Microsoft.Extensions.Time.Testing;

namespace CallCluster.Sip.Tests.Auth;

public sealed class DigestMessageTests
{
    private const string Realm = "callcluster.test";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero));
    private readonly DigestChallenger _challenger;
    private readonly DigestVerifier _verifier;
    private readonly DigestCredentials _alice = DigestCredentials.FromPassword("alice", Realm, "wonderland");

    public DigestMessageTests()
    {
        _challenger = new DigestChallenger(DigestChallengerOptions.Default(Realm, new byte[32]), _time);
        _verifier = new DigestVerifier(_challenger, _time);
    }

    private static T Parse<T>(string text) where T : SipMessage
    {
        Assert.True(SipParser.TryParse(Encoding.UTF8.GetBytes(text), out var message, out var error), error.ToString());
        return Assert.IsType<T>(message);
    }

    private static string Register(string extraHeaders = "") =>
        "REGISTER sip:callcluster.test SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.5:5060;branch=z9hG4bKreg1\r\nMax-Forwards: 70\r\n" +
        "To: <sip:alice@callcluster.test>\r\nFrom: <sip:alice@callcluster.test>;tag=a1\r\nCall-ID: reg1@192.0.2.5\r\n" +
        $"CSeq: 1 REGISTER\r\nContact: <sip:alice@192.0.2.5>\r\n{extraHeaders}Content-Length: 0\r\n\r\n";

    private string Challenge(bool proxy)
    {
        var status = DigestMessages.ChallengeStatus(proxy);
        var headers = string.Concat(_challenger.CreateHeaderValues().Select(v => $"{DigestMessages.ChallengeHeader(proxy)}: {v}\r\n"));
        return $"SIP/2.0 {status} {(proxy ? "Proxy Authentication Required" : "Unauthorized")}\r\n" +
            "Via: SIP/2.0/UDP 192.0.2.5:5060;branch=z9hG4bKreg1\r\nTo: <sip:alice@callcluster.test>;tag=s1\r\n" +
            "From: <sip:alice@callcluster.test>;tag=a1\r\nCall-ID: reg1@192.0.2.5\r\nCSeq: 1 REGISTER\r\n" +
            $"{headers}Content-Length: 0\r\n\r\n";
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Challenge_answer_verify_over_parsed_messages(bool proxy)
    {
        var request = Parse<SipRequest>(Register());
        Assert.Equal(DigestVerifyResult.Missing, _verifier.Verify(request, proxy, _ => _alice, out _));

        var response = Parse<SipResponse>(Challenge(proxy));
        var client = DigestClient.FromPassword("alice", "wonderland");
        Assert.True(client.TryAnswer(response, request, out var headerName, out var credentials));
        Assert.Equal(DigestMessages.CredentialsHeader(proxy), headerName);
        Assert.Equal(DigestAlgorithm.Sha256, credentials!.Algorithm);

        var retried = Parse<SipRequest>(Register($"{headerName}: {credentials.ToHeaderValue()}\r\n"));
        Assert.Equal(DigestVerifyResult.Ok, _verifier.Verify(retried, proxy, u => u == "alice" ? _alice : null, out var seen));
        Assert.Equal("alice", seen!.Username);
        Assert.Equal(DigestVerifyResult.Replay, _verifier.Verify(retried, proxy, _ => _alice, out _));
        Assert.Equal(DigestVerifyResult.Missing, _verifier.Verify(retried, !proxy, _ => _alice, out _));
    }

    [Fact]
    public void Credentials_for_another_realm_are_ignored_and_broken_ones_are_malformed()
    {
        var other = Parse<SipRequest>(Register("Authorization: Digest username=\"alice\", realm=\"elsewhere\", nonce=\"n\", uri=\"sip:x\", response=\"00\"\r\n"));
        Assert.Equal(DigestVerifyResult.Missing, _verifier.Verify(other, false, _ => _alice, out _));
        var broken = Parse<SipRequest>(Register("Authorization: Digest username=\"alice\"\r\n"));
        Assert.Equal(DigestVerifyResult.Malformed, _verifier.Verify(broken, false, _ => _alice, out _));
    }

    [Fact]
    public void Several_challenges_on_one_line_are_all_read()
    {
        var values = _challenger.CreateHeaderValues();
        var challenges = DigestMessages.ParseChallenges(values[0] + ", " + values[1]);
        Assert.Equal([DigestAlgorithm.Sha256, DigestAlgorithm.Md5], challenges.Select(c => c.Algorithm));
        Assert.Empty(DigestMessages.ParseChallenges("Digest realm="));
    }

    [Fact]
    public void Responses_that_are_not_challenges_are_not_answered()
    {
        var request = Parse<SipRequest>(Register());
        var ok = Parse<SipResponse>(Challenge(false).Replace("401 Unauthorized", "200 OK"));
        Assert.False(DigestClient.FromPassword("alice", "x").TryAnswer(ok, request, out _, out var a));
        Assert.Null(a);
    }
}
