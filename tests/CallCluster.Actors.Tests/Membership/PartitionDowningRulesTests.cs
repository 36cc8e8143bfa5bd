using CallCluster.Actors.Membership;

namespace CallCluster.Actors.Tests.Membership;

public sealed class PartitionDowningRulesTests
{
    private const string A = "akka.tcp://callcluster@10.0.0.1:4053";
    private const string B = "akka.tcp://callcluster@10.0.0.2:4053";
    private const string C = "akka.tcp://callcluster@10.0.0.3:4053";
    private const string D = "akka.tcp://callcluster@10.0.0.4:4053";
    private const string E = "akka.tcp://callcluster@10.0.0.5:4053";

    [Fact]
    public void The_leader_of_two_members_of_three_downs_the_isolated_one()
    {
        var verdict = PartitionDowningRules.Decide(A, A, [Up(A), Up(B), Cut(C)]);

        Assert.Equal(PartitionVerdictKind.DownUnreachable, verdict.Kind);
        Assert.Equal([C], verdict.Down);
    }

    [Fact]
    public void The_isolated_member_of_three_downs_itself()
    {
        var verdict = PartitionDowningRules.Decide(C, C, [Cut(A), Cut(B), Up(C)]);

        Assert.Equal(PartitionVerdictKind.DownReachable, verdict.Kind);
        Assert.Equal([C], verdict.Down);
    }

    [Fact]
    public void The_leader_of_a_minority_of_two_downs_both_members_of_its_side()
    {
        var verdict = PartitionDowningRules.Decide(D, D, [Cut(A), Cut(B), Cut(C), Up(D), Up(E)]);

        Assert.Equal(PartitionVerdictKind.DownReachable, verdict.Kind);
        Assert.Equal([D, E], verdict.Down);
    }

    [Fact]
    public void The_majority_of_five_downs_every_unreachable_member()
    {
        var verdict = PartitionDowningRules.Decide(A, A, [Up(A), Up(B), Up(C), Cut(D), Cut(E)]);

        Assert.Equal(PartitionVerdictKind.DownUnreachable, verdict.Kind);
        Assert.Equal([D, E], verdict.Down);
    }

    [Fact]
    public void A_member_that_does_not_lead_its_side_leaves_the_decision_to_the_leader()
    {
        Assert.Equal(PartitionVerdictKind.LeaveToResolver, PartitionDowningRules.Decide(B, A, [Up(A), Up(B), Cut(C)]).Kind);
        Assert.Equal(PartitionVerdictKind.LeaveToResolver, PartitionDowningRules.Decide(E, D, [Cut(A), Cut(B), Cut(C), Up(D), Up(E)]).Kind);
    }

    [Fact]
    public void Even_halves_are_left_to_the_resolver_on_both_sides()
    {
        Assert.Equal(PartitionVerdictKind.LeaveToResolver, PartitionDowningRules.Decide(A, A, [Up(A), Cut(B)]).Kind);
        Assert.Equal(PartitionVerdictKind.LeaveToResolver, PartitionDowningRules.Decide(B, B, [Cut(A), Up(B)]).Kind);
        Assert.Equal(PartitionVerdictKind.LeaveToResolver, PartitionDowningRules.Decide(A, A, [Up(A), Up(B), Cut(C), Cut(D)]).Kind);
    }

    [Fact]
    public void Members_in_transition_leave_the_decision_to_the_resolver()
    {
        var joining = new PartitionMember(D, Up: false, Unreachable: false);
        var leavingAndCut = new PartitionMember(C, Up: false, Unreachable: true);

        Assert.Equal(PartitionVerdictKind.LeaveToResolver, PartitionDowningRules.Decide(A, A, [Up(A), Up(B), Cut(C), joining]).Kind);
        Assert.Equal(PartitionVerdictKind.LeaveToResolver, PartitionDowningRules.Decide(A, A, [Up(A), Up(B), leavingAndCut]).Kind);
    }

    [Fact]
    public void A_node_that_others_report_unreachable_does_not_act()
    {
        Assert.Equal(PartitionVerdictKind.LeaveToResolver, PartitionDowningRules.Decide(A, A, [Cut(A), Up(B), Up(C)]).Kind);
    }

    [Fact]
    public void Nothing_happens_while_every_member_is_reachable()
    {
        var verdict = PartitionDowningRules.Decide(A, A, [Up(A), Up(B), Up(C)]);

        Assert.Equal(PartitionVerdictKind.LeaveToResolver, verdict.Kind);
        Assert.Empty(verdict.Down);
    }

    private static PartitionMember Up(string address) => new(address, Up: true, Unreachable: false);

    private static PartitionMember Cut(string address) => new(address, Up: true, Unreachable: true);
}
