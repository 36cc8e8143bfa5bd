using System.Collections.Immutable;

namespace CallCluster.Actors.Registration;

/// <summary>The contacts bound to one AOR, highest q first, then most recently set.</summary>
public sealed record RegistrationState(ImmutableArray<ContactBinding> Contacts)
{
    public static RegistrationState Empty { get; } = new(ImmutableArray<ContactBinding>.Empty);

    public bool IsEmpty => Contacts.IsEmpty;

    /// <summary>The earliest expiry, or null when nothing is bound.</summary>
    public DateTimeOffset? NextExpiry => Contacts.IsEmpty ? null : Contacts.Min(c => c.ExpiresAt);

    public static RegistrationState Of(IEnumerable<ContactBinding> contacts) =>
        new(contacts.OrderByDescending(c => c.Q).ThenByDescending(c => c.ExpiresAt).ToImmutableArray());

    /// <summary>Drops the contacts whose expiry is at or before <paramref name="now"/>.</summary>
    public RegistrationState Prune(DateTimeOffset now) =>
        Contacts.All(c => c.ExpiresAt > now) ? this : new(Contacts.Where(c => c.ExpiresAt > now).ToImmutableArray());

    public bool SameAs(RegistrationState other) => Contacts.SequenceEqual(other.Contacts);
}
