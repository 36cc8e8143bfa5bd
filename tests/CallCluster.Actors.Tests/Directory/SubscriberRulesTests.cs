using CallCluster.Actors.Directory;
using static CallCluster.Actors.Directory.DirectoryCommands;
using static CallCluster.Actors.Directory.DirectoryEvents;
using static CallCluster.Actors.Directory.DirectoryReplies;
using static CallCluster.Actors.Tests.Directory.DirectoryFixtures;

namespace CallCluster.Actors.Tests.Directory;

public sealed class SubscriberRulesTests
{
    [Fact]
    public void New_subscriber_stores_md5_and_sha256_ha1_of_user_realm_password_and_no_password()
    {
        var decision = DirectoryRules.Decide(DirectoryState.Empty, new UpsertSubscriber(new SubscriberSpec("alice", "secret", SubscriberKind.Mobile), "home.example"));

        Assert.Equal(new Ok("alice", true), decision.Reply);
        var stored = Assert.IsType<SubscriberUpserted>(Assert.Single(decision.Events)).Subscriber;
        // echo -n 'alice:home.example:secret' | md5sum / sha256sum
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData("alice:home.example:secret"u8)), stored.Ha1Md5);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("alice:home.example:secret"u8)), stored.Ha1Sha256);
        Assert.Equal(32, stored.Ha1Md5.Length);
        Assert.Equal(64, stored.Ha1Sha256.Length);
        Assert.DoesNotContain("secret", stored.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Rfc2617_example_ha1_matches()
    {
        // RFC 2617 section 3.5: Mufasa / testrealm@host.com / Circle Of Life
        Assert.Equal("939e7578ed9e3c518a452acee763bce9", DigestHashes.Ha1Md5("Mufasa", "testrealm@host.com", "Circle Of Life"));
    }

    [Fact]
    public void New_subscriber_without_password_is_invalid()
    {
        var decision = DirectoryRules.Decide(DirectoryState.Empty, new UpsertSubscriber(new SubscriberSpec("alice", null, SubscriberKind.Mobile), Realm));
        Assert.Contains("password is required", Assert.IsType<Invalid>(decision.Reply).Message, StringComparison.Ordinal);
        Assert.Empty(decision.Events);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("a@b")]
    [InlineData("sip:alice")]
    public void Bad_user_names_are_invalid(string user)
    {
        var decision = DirectoryRules.Decide(DirectoryState.Empty, new UpsertSubscriber(new SubscriberSpec(user, "pw", SubscriberKind.Other), Realm));
        Assert.IsType<Invalid>(decision.Reply);
    }

    [Fact]
    public void Update_without_password_keeps_hashes_and_changes_kind()
    {
        var state = DirectoryState.Empty.Run(Other("carol"));
        var before = state.Subscribers["carol"];
        var decision = DirectoryRules.Decide(state, new UpsertSubscriber(new SubscriberSpec("carol", null, SubscriberKind.Mobile), Realm));
        var after = Assert.IsType<SubscriberUpserted>(Assert.Single(decision.Events)).Subscriber;
        Assert.Equal(before.Ha1Md5, after.Ha1Md5);
        Assert.Equal(SubscriberKind.Mobile, after.Kind);
        Assert.Equal(new Ok("carol", false), decision.Reply);
    }

    [Fact]
    public void Same_upsert_twice_persists_nothing_the_second_time()
    {
        var state = DirectoryState.Empty.Run(Mobile("alice"));
        var decision = DirectoryRules.Decide(state, Mobile("alice"));
        Assert.Empty(decision.Events);
        Assert.Equal(new Ok("alice", false), decision.Reply);
    }

    [Fact]
    public void Changing_the_kind_of_a_household_member_is_a_conflict()
    {
        var decision = DirectoryRules.Decide(Home(), Other("tv"));
        Assert.Contains("household 'h1'", Assert.IsType<Conflict>(decision.Reply).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deleting_a_subscriber_still_in_a_household_is_a_conflict()
    {
        var decision = DirectoryRules.Decide(Home(), new DeleteSubscriber("alice"));
        Assert.Contains("h1", Assert.IsType<Conflict>(decision.Reply).Message, StringComparison.Ordinal);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Deleting_a_free_subscriber_removes_it_and_a_missing_one_is_not_found()
    {
        var state = Home();
        var decision = DirectoryRules.Decide(state, new DeleteSubscriber("bob"));
        Assert.Equal(new SubscriberDeleted("bob"), Assert.Single(decision.Events));
        state = state.Apply(decision.Events[0]);
        Assert.False(state.Subscribers.ContainsKey("bob"));
        Assert.Equal(new NotFound("bob"), DirectoryRules.Decide(state, new DeleteSubscriber("bob")).Reply);
    }

    [Fact]
    public void Get_and_list_answer_without_events()
    {
        var state = Home();
        var get = DirectoryRules.Decide(state, new GetSubscriber("tv"));
        Assert.Equal(SubscriberKind.LocalTerminal, Assert.IsType<SubscriberFound>(get.Reply).Subscriber.Kind);
        var list = DirectoryRules.Decide(state, new ListSubscribers());
        Assert.Equal(["alice", "bob", "stb", "tv"], Assert.IsType<SubscriberList>(list.Reply).Subscribers.Select(s => s.User));
        Assert.Equal(new NotFound("zed"), DirectoryRules.Decide(state, new GetSubscriber("zed")).Reply);
        Assert.True(DirectoryRules.IsQuery(new ListSubscribers()));
        Assert.False(DirectoryRules.IsQuery(Mobile("x")));
    }
}
