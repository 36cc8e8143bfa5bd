using System.Collections.Immutable;
using CallCluster.Actors.Calls;
using static CallCluster.Actors.Calls.MobileCallsCommands;

namespace CallCluster.Gateway.Tests;

/// <summary>The home-call joining rule, without an actor system.</summary>
public sealed class MobileCallsRulesTests
{
    private static readonly DateTimeOffset T = new(2026, 11, 24, 4, 0, 0, TimeSpan.Zero);

    private static (string Session, bool Joined, ImmutableList<MobileCall> Calls) Place(ImmutableList<MobileCall> calls, string session, string leg, string target, bool local, string? token = null) =>
        MobileCallsRules.Place(calls, new PlaceCall("mum", session, leg, target, local, token), T);

    [Fact]
    public void Call_to_the_local_terminal_while_a_remote_call_is_up_joins_it()
    {
        var first = Place([], "s1", "l1", "remote", false);
        Assert.False(first.Joined);
        var second = Place(first.Calls, "s2", "l2", "tv", true);
        Assert.True(second.Joined);
        Assert.Equal("s1", second.Session);
    }

    [Fact]
    public void Call_to_a_remote_while_the_local_terminal_call_is_up_joins_it()
    {
        var first = Place([], "s1", "l1", "tv", true);
        var second = Place(first.Calls, "s2", "l2", "remote", false);
        Assert.True(second.Joined);
        Assert.Equal("s1", second.Session);
    }

    [Fact]
    public void Two_remote_calls_do_not_join()
    {
        var first = Place([], "s1", "l1", "remote", false);
        var second = Place(first.Calls, "s2", "l2", "other-remote", false);
        Assert.False(second.Joined);
        Assert.Equal("s2", second.Session);
    }

    [Fact]
    public void Explicit_token_joins_only_the_call_with_the_same_token()
    {
        var first = Place([], "s1", "l1", "remote", false, "abc");
        var other = Place(first.Calls, "s2", "l2", "tv", true, "xyz");
        Assert.False(other.Joined);
        var same = Place(other.Calls, "s3", "l3", "tv", true, "abc");
        Assert.True(same.Joined);
        Assert.Equal("s1", same.Session);
    }

    [Fact]
    public void Ended_calls_are_not_joined_and_the_star_ends_a_whole_session()
    {
        var first = Place([], "s1", "l1", "tv", true);
        var ended = MobileCallsRules.End(first.Calls, new CallEnded("mum", "s1", "l1"));
        Assert.Empty(ended);
        var again = Place(first.Calls, "s2", "l2", "remote", false);
        var cleared = MobileCallsRules.End(again.Calls, new CallEnded("mum", "s1", "*"));
        Assert.Empty(cleared);
        Assert.False(Place(cleared, "s3", "l3", "remote", false).Joined);
    }

    [Fact]
    public void Old_calls_expire()
    {
        var first = Place([], "s1", "l1", "tv", true);
        Assert.Empty(MobileCallsRules.Expire(first.Calls, T.AddHours(13), TimeSpan.FromHours(12)));
        Assert.Single(MobileCallsRules.Expire(first.Calls, T.AddHours(1), TimeSpan.FromHours(12)));
    }

    [Fact]
    public void The_same_leg_placed_twice_gets_the_same_session()
    {
        var first = Place([], "s1", "l1", "tv", true);
        var repeat = Place(first.Calls, "s9", "l1", "tv", true);
        Assert.Equal("s1", repeat.Session);
        Assert.Single(repeat.Calls);
    }
}
