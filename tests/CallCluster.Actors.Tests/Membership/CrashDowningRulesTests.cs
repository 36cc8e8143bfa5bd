using CallCluster.Actors.Membership;

namespace CallCluster.Actors.Tests.Membership;

public sealed class CrashDowningRulesTests
{
    private const string A = "akka.tcp://callcluster@10.0.0.1:4053";
    private const string B = "akka.tcp://callcluster@10.0.0.2:4053";
    private const string C = "akka.tcp://callcluster@10.0.0.3:4053";
    private const string D = "akka.tcp://callcluster@10.0.0.4:4053";
    private const string E = "akka.tcp://callcluster@10.0.0.5:4053";
    private static readonly IReadOnlySet<string> NoneDead = new HashSet<string>(StringComparer.Ordinal);

    [Fact]
    public void Two_healthy_members_of_three_down_the_one_whose_port_refuses()
    {
        Assert.Equal(CrashVerdict.Down, CrashDowningRules.Decide(A, C, Members(Up(A), Up(B), Up(C)), NoneDead));
    }

    [Fact]
    public void A_member_that_is_already_unreachable_is_downed_just_the_same()
    {
        Assert.Equal(CrashVerdict.Down, CrashDowningRules.Decide(A, C, Members(Up(A), Up(B), Unreachable(C)), NoneDead));
    }

    [Fact]
    public void The_isolated_member_of_three_does_not_down_the_others_even_if_their_ports_refuse()
    {
        var seenFromC = Members(Unreachable(A), Up(B), Up(C));
        Assert.Equal(CrashVerdict.NoMajority, CrashDowningRules.Decide(C, B, seenFromC, new HashSet<string>([A], StringComparer.Ordinal)));
        Assert.Equal(CrashVerdict.NoMajority, CrashDowningRules.Decide(C, A, Members(Up(A), Unreachable(B), Up(C)), NoneDead));
    }

    [Fact]
    public void In_a_two_member_cluster_neither_side_has_a_strict_majority()
    {
        Assert.Equal(CrashVerdict.NoMajority, CrashDowningRules.Decide(A, B, Members(Up(A), Up(B)), NoneDead));
    }

    [Fact]
    public void Half_of_four_is_not_a_majority_so_a_second_refusal_is_left_to_the_resolver()
    {
        var members = Members(Up(A), Up(B), Up(C), Up(D));
        Assert.Equal(CrashVerdict.Down, CrashDowningRules.Decide(A, D, members, NoneDead));
        Assert.Equal(CrashVerdict.NoMajority, CrashDowningRules.Decide(A, C, members, new HashSet<string>([D], StringComparer.Ordinal)));
    }

    [Fact]
    public void Two_crashed_members_of_five_are_both_downed_by_the_remaining_three()
    {
        var members = Members(Up(A), Up(B), Up(C), Up(D), Up(E));
        Assert.Equal(CrashVerdict.Down, CrashDowningRules.Decide(A, D, members, NoneDead));
        Assert.Equal(CrashVerdict.Down, CrashDowningRules.Decide(A, E, members, new HashSet<string>([D], StringComparer.Ordinal)));
    }

    [Fact]
    public void Members_already_on_their_way_out_do_not_count_and_are_not_downed()
    {
        var members = Members(Up(A), Up(B), new MemberView(C, MemberPhase.Leaving, false), new MemberView(D, MemberPhase.Gone, true));
        Assert.Equal(CrashVerdict.NotServing, CrashDowningRules.Decide(A, C, members, NoneDead));
        Assert.Equal(CrashVerdict.NotServing, CrashDowningRules.Decide(A, D, members, NoneDead));
        Assert.Equal(CrashVerdict.NotServing, CrashDowningRules.Decide(A, E, members, NoneDead));
    }

    [Fact]
    public void A_leaving_member_still_counts_towards_the_majority()
    {
        var members = Members(Up(A), new MemberView(B, MemberPhase.Leaving, false), Up(C), Up(D));
        Assert.Equal(CrashVerdict.Down, CrashDowningRules.Decide(A, D, members, NoneDead));
        Assert.Equal(CrashVerdict.NoMajority, CrashDowningRules.Decide(A, D, Members(Up(A), new MemberView(B, MemberPhase.Leaving, true), Up(C), Up(D)), NoneDead));
    }

    [Fact]
    public void A_node_never_downs_itself_and_an_unreachable_node_does_not_act()
    {
        Assert.Equal(CrashVerdict.Self, CrashDowningRules.Decide(A, A, Members(Up(A), Up(B), Up(C)), NoneDead));
        Assert.Equal(CrashVerdict.NoMajority, CrashDowningRules.Decide(A, C, Members(Unreachable(A), Up(B), Up(C), Up(D), Up(E)), NoneDead));
    }

    private static MemberView Up(string address) => new(address, MemberPhase.Serving, false);

    private static MemberView Unreachable(string address) => new(address, MemberPhase.Serving, true);

    private static IReadOnlyCollection<MemberView> Members(params MemberView[] members) => members;
}
