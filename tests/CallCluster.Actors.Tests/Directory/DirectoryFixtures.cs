using CallCluster.Actors.Directory;
using static CallCluster.Actors.Directory.DirectoryCommands;

namespace CallCluster.Actors.Tests.Directory;

/// <summary>Builds directory states through the rules, as the entity does.</summary>
internal static class DirectoryFixtures
{
    public const string Realm = "home.example";

    public static DirectoryState Run(this DirectoryState state, params IDirectoryCommand[] commands)
    {
        foreach (var command in commands)
        {
            var decision = DirectoryRules.Decide(state, command);
            Assert.IsNotType<DirectoryReplies.Invalid>(decision.Reply);
            Assert.IsNotType<DirectoryReplies.Conflict>(decision.Reply);
            foreach (var e in decision.Events)
            {
                state = state.Apply(e);
            }
        }

        return state;
    }

    public static UpsertSubscriber Mobile(string user) => new(new SubscriberSpec(user, "pw-" + user, SubscriberKind.Mobile), Realm);

    public static UpsertSubscriber Terminal(string user) => new(new SubscriberSpec(user, "pw-" + user, SubscriberKind.LocalTerminal), Realm);

    public static UpsertSubscriber Other(string user) => new(new SubscriberSpec(user, "pw-" + user, SubscriberKind.Other), Realm);

    public static UpsertHousehold Household(string id, string[] mobiles, string[] terminals) => new(new HouseholdSpec(id, mobiles, terminals));

    public static UpsertTrunk Trunk(string name, string[] sources, string[] prefixes) =>
        new(new TrunkSpec(name, $"sip:{name}.example:5060", sources, prefixes));

    /// <summary>alice (mobile), tv and stb (local terminals), bob (other), household h1 = alice -> tv, stb.</summary>
    public static DirectoryState Home() => DirectoryState.Empty.Run(
        Mobile("alice"), Terminal("tv"), Terminal("stb"), Other("bob"),
        Household("h1", ["alice"], ["tv", "stb"]));
}
