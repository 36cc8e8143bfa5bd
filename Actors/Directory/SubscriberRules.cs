using static CallCluster.Actors.Directory.DirectoryCommands;
using static CallCluster.Actors.Directory.DirectoryEvents;
using static CallCluster.Actors.Directory.DirectoryReplies;

namespace CallCluster.Actors.Directory;

/// <summary>Subscriber upsert and delete rules.</summary>
internal static class SubscriberRules
{
    public static DirectoryDecision Upsert(DirectoryState state, UpsertSubscriber command)
    {
        var spec = command.Subscriber;
        if (spec is null)
        {
            return Reject("subscriber is required");
        }

        var problem = DirectoryValidation.Name(spec.User, "user")
            ?? DirectoryValidation.Realm(command.Realm)
            ?? (Enum.IsDefined(spec.Kind) ? null : $"kind of '{spec.User}' must be mobile, local-terminal or other");
        if (problem is not null)
        {
            return Reject(problem);
        }

        state.Subscribers.TryGetValue(spec.User, out var existing);
        Subscriber subscriber;
        if (spec.Password is not null)
        {
            if (DirectoryValidation.Password(spec.Password) is { } bad)
            {
                return Reject(bad);
            }

            subscriber = DigestHashes.Provision(spec.User, spec.Kind, command.Realm, spec.Password);
        }
        else if (existing is null)
        {
            return Reject($"password is required for new subscriber '{spec.User}'");
        }
        else if (!string.Equals(existing.Realm, command.Realm, StringComparison.Ordinal))
        {
            return Reject($"password is required to move '{spec.User}' to realm '{command.Realm}'");
        }
        else
        {
            subscriber = existing with { Kind = spec.Kind };
        }

        var clash = KindClash(state, spec.User, spec.Kind);
        if (clash is not null)
        {
            return DirectoryDecision.Answer(new Conflict(clash));
        }

        return existing == subscriber
            ? DirectoryDecision.Answer(new Ok(spec.User, false))
            : DirectoryDecision.Persist(new SubscriberUpserted(subscriber), new Ok(spec.User, existing is null));
    }

    public static DirectoryDecision Delete(DirectoryState state, DeleteSubscriber command)
    {
        var user = command.User ?? "";
        if (!state.Subscribers.ContainsKey(user))
        {
            return DirectoryDecision.Answer(new NotFound(user));
        }

        var households = state.HouseholdsOf(user).Select(h => h.Id).ToArray();
        return households.Length > 0
            ? DirectoryDecision.Answer(new Conflict($"subscriber '{user}' is still in household(s) {string.Join(", ", households)}"))
            : DirectoryDecision.Persist(new SubscriberDeleted(user), new Ok(user, false));
    }

    private static string? KindClash(DirectoryState state, string user, SubscriberKind kind)
    {
        foreach (var household in state.HouseholdsOf(user))
        {
            if (household.Mobiles.Contains(user) && kind != SubscriberKind.Mobile)
            {
                return $"subscriber '{user}' is a mobile of household '{household.Id}' and must stay a mobile";
            }

            if (household.LocalTerminals.Contains(user) && kind != SubscriberKind.LocalTerminal)
            {
                return $"subscriber '{user}' is a local terminal of household '{household.Id}' and must stay a local-terminal";
            }
        }

        return null;
    }

    private static DirectoryDecision Reject(string message) => DirectoryDecision.Answer(new Invalid(message));
}
