using static CallCluster.Actors.Registration.RegistrationCommands;
using static CallCluster.Actors.Registration.RegistrationReplies;

namespace CallCluster.Actors.Registration;

/// <summary>
/// RFC 3261 section 10.3 processing of one REGISTER against the stored bindings: the result is
/// either the new binding list or a rejection. Pure; the caller supplies the time.
/// </summary>
public static class RegistrationRules
{
    public const int MaxUriLength = 512;
    public const int MaxCallIdLength = 256;

    public static RegistrationOutcome Decide(RegistrationState state, Register command, DateTimeOffset now, RegistrationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(command);
        var current = state.Prune(now);
        var problem = CheckShape(command, policy);
        if (problem is not null)
        {
            return RegistrationOutcome.Reject(problem);
        }

        if (command.Wildcard)
        {
            return RemoveAll(current, command);
        }

        var contacts = command.Contacts ?? [];
        if (contacts.Count == 0)
        {
            return RegistrationOutcome.Accept(current);
        }

        var bindings = current.Contacts.ToDictionary(c => c.Uri, StringComparer.OrdinalIgnoreCase);
        foreach (var contact in contacts)
        {
            var expires = contact.Expires ?? command.Expires ?? policy.DefaultExpires;
            if (expires > 0 && expires < policy.MinExpires)
            {
                return RegistrationOutcome.Reject(new Rejected(command.Aor, 423, "Interval Too Brief", policy.MinExpires));
            }

            if (bindings.TryGetValue(contact.Uri, out var existing)
                && existing.CallId == command.CallId
                && command.CSeq <= existing.CSeq)
            {
                return RegistrationOutcome.Reject(OutOfOrder(command));
            }

            if (expires <= 0)
            {
                bindings.Remove(contact.Uri);
                continue;
            }

            bindings[contact.Uri] = new ContactBinding(
                contact.Uri,
                now.AddSeconds(Math.Min(expires, policy.MaxExpires)),
                contact.Q ?? 1.0,
                command.CallId,
                command.CSeq);
        }

        return bindings.Count > policy.MaxContacts
            ? RegistrationOutcome.Reject(new Rejected(command.Aor, 403, $"Too many contacts (at most {policy.MaxContacts})"))
            : RegistrationOutcome.Accept(RegistrationState.Of(bindings.Values));
    }

    private static RegistrationOutcome RemoveAll(RegistrationState current, Register command)
    {
        // 10.3 step 6: a binding set by this Call-ID is removed only by a higher CSeq.
        return current.Contacts.Any(c => c.CallId == command.CallId && command.CSeq <= c.CSeq)
            ? RegistrationOutcome.Reject(OutOfOrder(command))
            : RegistrationOutcome.Accept(RegistrationState.Empty);
    }

    private static Rejected? CheckShape(Register command, RegistrationPolicy policy)
    {
        var aor = command.Aor ?? "";
        if (string.IsNullOrEmpty(command.Aor) || command.Aor.Length > MaxUriLength)
        {
            return new Rejected(aor, 400, "Bad address of record");
        }

        if (string.IsNullOrEmpty(command.CallId) || command.CallId.Length > MaxCallIdLength || command.CSeq < 0)
        {
            return new Rejected(aor, 400, "Bad Call-ID or CSeq");
        }

        var contacts = command.Contacts ?? [];
        if (command.Wildcard)
        {
            return contacts.Count == 0 && command.Expires == 0
                ? null
                : new Rejected(aor, 400, "Contact * needs Expires: 0 and no other contact");
        }

        if (contacts.Count > policy.MaxContacts * 2)
        {
            return new Rejected(aor, 403, $"Too many contacts (at most {policy.MaxContacts})");
        }

        foreach (var c in contacts)
        {
            if (c is null || string.IsNullOrWhiteSpace(c.Uri) || c.Uri.Length > MaxUriLength || c.Uri == "*")
            {
                return new Rejected(aor, 400, "Bad Contact");
            }

            if (c.Q is < 0 or > 1 || (c.Q is { } q && double.IsNaN(q)))
            {
                return new Rejected(aor, 400, $"Bad q value for {c.Uri}");
            }

            if (c.Expires < 0 || command.Expires < 0)
            {
                return new Rejected(aor, 400, "Bad expires value");
            }
        }

        return null;
    }

    private static Rejected OutOfOrder(Register command) =>
        new(command.Aor, 500, "Out of order REGISTER (CSeq not above the stored one for this Call-ID)");
}

/// <summary>Either the new bindings or the rejection of a REGISTER.</summary>
public sealed record RegistrationOutcome(RegistrationState? State, Rejected? Rejection)
{
    public static RegistrationOutcome Accept(RegistrationState state) => new(state, null);

    public static RegistrationOutcome Reject(Rejected rejection) => new(null, rejection);
}
