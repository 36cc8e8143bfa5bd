using CallCluster.Sip.Auth;
using Microsoft.Extensions.Time.Testing;

namespace CallCluster.Sip.Tests.Auth;

public sealed class DigestFuzzTests
{
    private const string Alphabet = "\"\\,= \t\r\nabcAZ09-_/:;@%\u00e9\0";

    private static string Mutate(Random random, string text)
    {
        var chars = text.ToCharArray().ToList();
        for (var m = 0; m < 1 + random.Next(6); m++)
        {
            var at = random.Next(chars.Count + 1);
            switch (random.Next(3))
            {
                case 0 when at < chars.Count: chars[at] = Alphabet[random.Next(Alphabet.Length)]; break;
                case 1 when at < chars.Count: chars.RemoveAt(at); break;
                default: chars.Insert(at, Alphabet[random.Next(Alphabet.Length)]); break;
            }
        }
        return new string(chars.ToArray());
    }

    [Fact]
    public void Corrupted_credentials_and_challenges_never_throw_and_never_verify()
    {
        var time = new FakeTimeProvider();
        var challenger = new DigestChallenger(DigestChallengerOptions.Default("r.test", new byte[32]), time);
        var verifier = new DigestVerifier(challenger, time, replayCapacity: 64);
        var alice = DigestCredentials.FromPassword("alice", "r.test", "pw");
        var challenge = challenger.CreateHeaderValues()[0];
        var client = DigestClient.FromPassword("alice", "pw");
        var random = new Random(20261124);
        var accepted = 0;
        for (var i = 0; i < 5000; i++)
        {
            Assert.True(client.TryAnswer([challenge], "REGISTER", "sip:r.test", out var good));
            var mutated = Mutate(random, good!.ToHeaderValue());
            var result = verifier.Verify(mutated, "REGISTER", "sip:r.test", u => u == "alice" ? alice : null);
            if (result == DigestVerifyResult.Ok)
            {
                Assert.True(DigestAuthorization.TryParse(mutated, out var parsed, out _));
                Assert.Equal(good.Response, parsed!.Response.ToLowerInvariant());
                accepted++;
            }
            DigestChallenge.TryParse(Mutate(random, challenge), out _, out _);
            DigestMessages.ParseChallenges(Mutate(random, challenge + ", " + challenge));
        }
        Assert.True(accepted < 5000);
    }
}
