using CallCluster.Interop.Tests.Infrastructure;

namespace CallCluster.Interop.Tests;

/// <summary>Requests from outside the trust domain, sent from a bare UDP socket.</summary>
[Collection(InteropCollection.Name)]
public sealed class BadInputTests(ClusterNode node) : IClassFixture<ClusterNode>
{
    private static string Invite(RawSip from, string target, int port, params string[] extra) => RawSip.Request(
        $"INVITE sip:{target}@127.0.0.1:{port} SIP/2.0",
        [
            $"Via: SIP/2.0/UDP {from.HostPort};branch=z9hG4bK-raw-{Guid.NewGuid():N}",
            $"From: <sip:caller@{from.HostPort}>;tag=raw1",
            $"To: <sip:{target}@{ClusterNode.Domain}>",
            $"Call-ID: raw-{Guid.NewGuid():N}",
            "CSeq: 1 INVITE",
            $"Contact: <sip:caller@{from.HostPort}>",
            "Max-Forwards: 70",
            .. extra,
        ]);

    [Fact]
    public async Task An_invite_from_a_trunk_to_an_unknown_user_gets_404()
    {
        using var trunk = new RawSip(ClusterNode.CarrierB);

        var response = await trunk.SendAsync(node.SipPort, Invite(trunk, "nobody", node.SipPort));

        Assert.True(RawSip.Status(response) == 404, response);
    }

    [Fact]
    public async Task An_unauthenticated_invite_from_outside_is_challenged_with_407()
    {
        using var stranger = new RawSip("127.0.0.1");

        var response = await stranger.SendAsync(node.SipPort, Invite(stranger, "bob", node.SipPort));

        Assert.True(RawSip.Status(response) == 407, response);
        Assert.NotEmpty(RawSip.Headers(response, "Proxy-Authenticate"));
    }

    [Fact]
    public async Task Register_challenge_offers_sha256_first_then_md5_and_an_md5_answer_registers_the_contact()
    {
        using var phone = new RawSip("127.0.0.1");
        var uri = $"sip:{ClusterNode.Domain}";
        string Register(int cseq, params string[] extra) => RawSip.Request($"REGISTER {uri} SIP/2.0",
        [
            $"Via: SIP/2.0/UDP {phone.HostPort};branch=z9hG4bK-reg-{Guid.NewGuid():N}",
            $"From: <sip:bob@{ClusterNode.Domain}>;tag=reg1",
            $"To: <sip:bob@{ClusterNode.Domain}>",
            $"Call-ID: reg-{phone.Local.Port}",
            $"CSeq: {cseq} REGISTER",
            $"Contact: <sip:bob@{phone.HostPort}>",
            "Expires: 300",
            "Max-Forwards: 70",
            .. extra,
        ]);

        var challenge = await phone.SendAsync(node.SipPort, Register(1));
        Assert.True(RawSip.Status(challenge) == 401, challenge);
        var offers = RawSip.Headers(challenge, "WWW-Authenticate");
        Assert.Equal(["SHA-256", "MD5"], offers.Select(o => RawSip.Parameter(o, "algorithm")));

        var md5 = RawSip.Md5Authorization(offers[1], "bob", "bob-secret", "REGISTER", uri);
        var ok = await phone.SendAsync(node.SipPort, Register(2, $"Authorization: {md5}"));

        Assert.True(RawSip.Status(ok) == 200, ok);
        Assert.Contains(RawSip.Headers(ok, "Contact"), c => c.Contains($"sip:bob@{phone.HostPort}", StringComparison.Ordinal));
    }
}
