using CallCluster.Gateway.Core;
using CallCluster.Gateway.Tests.Support;
using CallCluster.Sip.Message;
using Xunit.Abstractions;

namespace CallCluster.Gateway.Tests;

/// <summary>The mobile's two INVITEs of the home video call, joined into one session.</summary>
public sealed class HomeCallTests(ITestOutputHelper output) : GatewayTestKit(output)
{
    private static string SessionOf(SipRequest invite) =>
        Assert.Single(invite.Contact).Uri!.Parameters.First(p => p.Name == "cc-s").Value!;

    [Fact]
    public void Implicit_rule_joins_the_call_to_the_tv_and_the_call_to_the_remote_and_only_the_tv_auto_answers()
    {
        using var mum = NewUa("mum");
        using var tv = NewUa("tv");
        using var bob = NewUa("bob");
        Assert.Equal(200, Register(tv).StatusCode);
        Assert.Equal(200, Register(bob).StatusCode);

        new Caller(mum, "tv").SendAuthenticated();
        var toTv = tv.ExpectRequest("INVITE");
        Assert.Equal("Auto", toTv.GetHeaderValue("Answer-Mode"));
        Assert.Equal($"<sip:mum@{SipText.Domain}>", toTv.GetHeaderValue("P-Asserted-Identity"));
        Assert.Contains("answer-after=0", toTv.GetHeaderValue("Call-Info"));
        Assert.Contains("alert-autoanswer", toTv.GetHeaderValue("Alert-Info"));

        new Caller(mum, "bob").SendAuthenticated();
        var toBob = bob.ExpectRequest("INVITE");
        Assert.Equal($"<sip:mum@{SipText.Domain}>", toBob.GetHeaderValue("P-Asserted-Identity"));
        Assert.False(toBob.HasHeader("Answer-Mode"));
        Assert.False(toBob.HasHeader("Alert-Info"));

        Assert.Equal(SessionOf(toTv), SessionOf(toBob));
    }

    [Fact]
    public void Different_correlation_tokens_keep_the_calls_apart()
    {
        using var mum = NewUa("mum");
        using var tv = NewUa("tv");
        using var bob = NewUa("bob");
        Assert.Equal(200, Register(tv).StatusCode);
        Assert.Equal(200, Register(bob).StatusCode);

        new Caller(mum, "bob", $"{GatewayActor.CorrelationHeader}: first").SendAuthenticated();
        var toBob = bob.ExpectRequest("INVITE");
        new Caller(mum, "tv", $"{GatewayActor.CorrelationHeader}: second").SendAuthenticated();
        var toTv = tv.ExpectRequest("INVITE");
        Assert.NotEqual(SessionOf(toBob), SessionOf(toTv));
    }

    [Fact]
    public void Same_correlation_token_joins_the_calls()
    {
        using var mum = NewUa("mum");
        using var tv = NewUa("tv");
        using var bob = NewUa("bob");
        Assert.Equal(200, Register(tv).StatusCode);
        Assert.Equal(200, Register(bob).StatusCode);

        new Caller(mum, "bob", $"{GatewayActor.CorrelationHeader}: evening").SendAuthenticated();
        var toBob = bob.ExpectRequest("INVITE");
        new Caller(mum, "tv", $"{GatewayActor.CorrelationHeader}: evening").SendAuthenticated();
        var toTv = tv.ExpectRequest("INVITE");
        Assert.Equal(SessionOf(toBob), SessionOf(toTv));
    }

    [Fact]
    public void A_caller_not_bound_to_the_tv_never_makes_it_auto_answer()
    {
        using var alice = NewUa("alice");
        using var tv = NewUa("tv");
        Assert.Equal(200, Register(tv).StatusCode);
        new Caller(alice, "tv", "Answer-Mode: Auto", "Priv-Answer-Mode: Auto", "P-Asserted-Identity: <sip:mum@cc.test>", "P-Preferred-Identity: <sip:mum@cc.test>").SendAuthenticated();
        var toTv = tv.ExpectRequest("INVITE");
        foreach (var name in new[] { "Answer-Mode", "Priv-Answer-Mode", "P-Asserted-Identity", "P-Preferred-Identity", "Call-Info", "Alert-Info" })
        {
            Assert.False(toTv.HasHeader(name), name);
        }
    }

    [Fact]
    public void Second_call_to_the_tv_while_one_is_in_progress_is_refused_486()
    {
        using var mum = NewUa("mum");
        using var tv = NewUa("tv");
        Assert.Equal(200, Register(tv).StatusCode);
        new Caller(mum, "tv").SendAuthenticated();
        tv.ExpectRequest("INVITE");
        var second = new Caller(mum, "tv");
        second.SendAuthenticated();
        Assert.Equal(486, mum.ExpectResponse(r => r.StatusCode >= 200 && r.CallId == second.CallId).StatusCode);
    }
}
