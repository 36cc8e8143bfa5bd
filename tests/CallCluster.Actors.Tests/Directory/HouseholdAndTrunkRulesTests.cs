using CallCluster.Actors.Directory;
using static CallCluster.Actors.Directory.DirectoryCommands;
using static CallCluster.Actors.Directory.DirectoryEvents;
using static CallCluster.Actors.Directory.DirectoryReplies;
using static CallCluster.Actors.Tests.Directory.DirectoryFixtures;

namespace CallCluster.Actors.Tests.Directory;

public sealed class HouseholdAndTrunkRulesTests
{
    [Fact]
    public void Household_with_unknown_member_is_invalid()
    {
        var decision = DirectoryRules.Decide(Home(), Household("h2", ["alice"], ["radio"]));
        Assert.Contains("'radio' does not exist", Assert.IsType<Invalid>(decision.Reply).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Household_member_of_the_wrong_kind_is_invalid()
    {
        var asTerminal = DirectoryRules.Decide(Home(), Household("h2", ["alice"], ["bob"]));
        Assert.Contains("'bob' is other, expected local-terminal", Assert.IsType<Invalid>(asTerminal.Reply).Message, StringComparison.Ordinal);
        var asMobile = DirectoryRules.Decide(Home(), Household("h2", ["tv"], ["stb"]));
        Assert.Contains("expected mobile", Assert.IsType<Invalid>(asMobile.Reply).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Household_needs_a_mobile_and_a_terminal_and_no_duplicates()
    {
        Assert.IsType<Invalid>(DirectoryRules.Decide(Home(), Household("h2", [], ["tv"])).Reply);
        Assert.IsType<Invalid>(DirectoryRules.Decide(Home(), Household("h2", ["alice"], [])).Reply);
        Assert.IsType<Invalid>(DirectoryRules.Decide(Home(), Household("h2", ["alice", "alice"], ["tv"])).Reply);
    }

    [Fact]
    public void Replacing_a_household_updates_the_member_index()
    {
        var state = Home().Run(Household("h1", ["alice"], ["stb"]));
        Assert.Equal(["stb"], state.Households["h1"].LocalTerminals);
        Assert.False(state.HouseholdsByMember.ContainsKey("tv"));
        var deleted = state.Run(new DeleteHousehold("h1"));
        Assert.Empty(deleted.Households);
        Assert.Empty(deleted.HouseholdsByMember);
        Assert.Equal(new NotFound("h1"), DirectoryRules.Decide(deleted, new DeleteHousehold("h1")).Reply);
    }

    [Fact]
    public void Trunk_with_bad_source_or_prefix_is_invalid()
    {
        Assert.IsType<Invalid>(DirectoryRules.Decide(DirectoryState.Empty, Trunk("t1", ["not-an-ip"], ["33"])).Reply);
        Assert.IsType<Invalid>(DirectoryRules.Decide(DirectoryState.Empty, Trunk("t1", ["10.0.0.1/8"], ["33"])).Reply);
        Assert.IsType<Invalid>(DirectoryRules.Decide(DirectoryState.Empty, Trunk("t1", ["10.0.0.0/8"], ["3a"])).Reply);
        Assert.IsType<Invalid>(DirectoryRules.Decide(DirectoryState.Empty, new UpsertTrunk(new TrunkSpec("t1", "", [], []))).Reply);
    }

    [Fact]
    public void Two_trunks_claiming_the_same_or_overlapping_source_conflict()
    {
        var state = DirectoryState.Empty.Run(Trunk("t1", ["127.0.0.2", "10.1.0.0/16"], ["33"]));
        Assert.IsType<Conflict>(DirectoryRules.Decide(state, Trunk("t2", ["127.0.0.2"], ["44"])).Reply);
        Assert.IsType<Conflict>(DirectoryRules.Decide(state, Trunk("t2", ["10.0.0.0/8"], ["44"])).Reply);
        Assert.IsType<Conflict>(DirectoryRules.Decide(state, Trunk("t2", ["10.1.2.3"], ["44"])).Reply);
        Assert.IsType<Ok>(DirectoryRules.Decide(state, Trunk("t2", ["127.0.0.3"], ["44"])).Reply);
    }

    [Fact]
    public void Changing_only_a_trunks_media_mode_is_an_update_and_unchanged_is_a_no_op()
    {
        var state = DirectoryState.Empty.Run(Trunk("t1", ["127.0.0.2"], ["33"]));
        Assert.Equal(TrunkMedia.Anchor, state.Trunks["t1"].Media);
        var bypass = new UpsertTrunk(Trunk("t1", ["127.0.0.2"], ["33"]).Trunk with { Media = TrunkMedia.Bypass });

        var update = DirectoryRules.Decide(state, bypass);
        Assert.Equal(TrunkMedia.Bypass, Assert.IsType<TrunkUpserted>(Assert.Single(update.Events)).Trunk.Media);
        Assert.Empty(DirectoryRules.Decide(state.Run(bypass), bypass).Events);
    }

    [Fact]
    public void Two_trunks_owning_the_same_prefix_conflict_but_a_trunk_may_be_updated()
    {
        var state = DirectoryState.Empty.Run(Trunk("t1", ["127.0.0.2"], ["33"]));
        Assert.Contains("prefix '33'", Assert.IsType<Conflict>(DirectoryRules.Decide(state, Trunk("t2", ["127.0.0.3"], ["33"])).Reply).Message, StringComparison.Ordinal);
        var update = DirectoryRules.Decide(state, Trunk("t1", ["127.0.0.2"], ["33", "+44"]));
        Assert.Equal(new Ok("t1", false), update.Reply);
        Assert.IsType<TrunkUpserted>(Assert.Single(update.Events));
    }

    [Fact]
    public void State_round_trips_through_its_data_form()
    {
        var state = Home().Run(Trunk("t1", ["127.0.0.2"], ["33"]));
        var copy = DirectoryState.FromData(state.ToData(12));
        Assert.Equal(state.ToData(12).Subscribers, copy.ToData(12).Subscribers);
        Assert.Equal(["h1"], copy.HouseholdsOf("tv").Select(h => h.Id));
        Assert.Equal("t1", Assert.Single(copy.Trunks).Key);
    }
}
