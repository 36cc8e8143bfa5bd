using static CallCluster.Actors.Directory.DirectoryCommands;
using static CallCluster.Actors.Directory.DirectoryEvents;
using static CallCluster.Actors.Directory.DirectoryReplies;

namespace CallCluster.Actors.Directory;

/// <summary>Household upsert rules: every member exists with the kind its place requires.</summary>
internal static class HouseholdRules
{
    public static DirectoryDecision Upsert(DirectoryState state, UpsertHousehold command)
    {
        var household = command.Household;
        var problem = household is null ? "household is required" : Check(state, household);
        if (problem is not null)
        {
            return DirectoryDecision.Answer(new Invalid(problem));
        }

        var normalized = household! with { Mobiles = household.Mobiles.ToArray(), LocalTerminals = household.LocalTerminals.ToArray() };
        if (state.Households.TryGetValue(normalized.Id, out var existing)
            && existing.Mobiles.SequenceEqual(normalized.Mobiles)
            && existing.LocalTerminals.SequenceEqual(normalized.LocalTerminals))
        {
            return DirectoryDecision.Answer(new Ok(normalized.Id, false));
        }

        return DirectoryDecision.Persist(new HouseholdUpserted(normalized), new Ok(normalized.Id, existing is null));
    }

    private static string? Check(DirectoryState state, HouseholdSpec household)
    {
        var problem = DirectoryValidation.Name(household.Id, "household id")
            ?? DirectoryValidation.List(household.Mobiles, "mobiles")
            ?? DirectoryValidation.List(household.LocalTerminals, "localTerminals");
        if (problem is not null)
        {
            return problem;
        }

        if (household.Mobiles.Count == 0 || household.LocalTerminals.Count == 0)
        {
            return $"household '{household.Id}' needs at least one mobile and one local terminal";
        }

        var both = household.Mobiles.Intersect(household.LocalTerminals, StringComparer.Ordinal).FirstOrDefault();
        if (both is not null)
        {
            return $"'{both}' cannot be both a mobile and a local terminal of household '{household.Id}'";
        }

        return household.Mobiles.Select(m => Member(state, m, SubscriberKind.Mobile)).FirstOrDefault(p => p is not null)
            ?? household.LocalTerminals.Select(t => Member(state, t, SubscriberKind.LocalTerminal)).FirstOrDefault(p => p is not null);
    }

    private static string? Member(DirectoryState state, string user, SubscriberKind expected)
    {
        if (DirectoryValidation.Name(user, "member") is { } bad)
        {
            return bad;
        }

        if (!state.Subscribers.TryGetValue(user, out var subscriber))
        {
            return $"subscriber '{user}' does not exist";
        }

        return subscriber.Kind == expected
            ? null
            : $"subscriber '{user}' is {subscriber.Kind.ToText()}, expected {expected.ToText()}";
    }
}
