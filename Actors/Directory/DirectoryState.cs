using System.Collections.Immutable;
using static CallCluster.Actors.Directory.DirectoryEvents;

namespace CallCluster.Actors.Directory;

/// <summary>
/// The directory's state: subscribers, households and trunks, plus the member index
/// (user to household ids). Immutable; <see cref="Apply"/> returns a new state.
/// </summary>
public sealed record DirectoryState
{
    public static DirectoryState Empty { get; } = new();

    public ImmutableDictionary<string, Subscriber> Subscribers { get; private init; } =
        ImmutableDictionary.Create<string, Subscriber>(StringComparer.Ordinal);

    public ImmutableDictionary<string, HouseholdSpec> Households { get; private init; } =
        ImmutableDictionary.Create<string, HouseholdSpec>(StringComparer.Ordinal);

    public ImmutableDictionary<string, TrunkSpec> Trunks { get; private init; } =
        ImmutableDictionary.Create<string, TrunkSpec>(StringComparer.Ordinal);

    /// <summary>User to the ids of the households naming it (as mobile or local terminal).</summary>
    public ImmutableDictionary<string, ImmutableSortedSet<string>> HouseholdsByMember { get; private init; } =
        ImmutableDictionary.Create<string, ImmutableSortedSet<string>>(StringComparer.Ordinal);

    public DirectoryState Apply(IDirectoryEvent e) => e switch
    {
        SubscriberUpserted u => this with { Subscribers = Subscribers.SetItem(u.Subscriber.User, u.Subscriber) },
        SubscriberDeleted d => this with { Subscribers = Subscribers.Remove(d.User) },
        HouseholdUpserted h => WithHousehold(h.Household),
        HouseholdDeleted d => WithoutHousehold(d.Id),
        TrunkUpserted t => this with { Trunks = Trunks.SetItem(t.Trunk.Name, t.Trunk) },
        TrunkDeleted d => this with { Trunks = Trunks.Remove(d.Name) },
        _ => this,
    };

    public IEnumerable<HouseholdSpec> HouseholdsOf(string user) =>
        HouseholdsByMember.TryGetValue(user, out var ids)
            ? ids.Select(id => Households[id])
            : [];

    public DirectoryStateData ToData(long version) => new(
        Subscribers.Values.OrderBy(s => s.User, StringComparer.Ordinal).ToArray(),
        Households.Values.OrderBy(h => h.Id, StringComparer.Ordinal).ToArray(),
        Trunks.Values.OrderBy(t => t.Name, StringComparer.Ordinal).ToArray(),
        version);

    public static DirectoryState FromData(DirectoryStateData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var state = Empty;
        foreach (var s in data.Subscribers ?? [])
        {
            state = state.Apply(new SubscriberUpserted(s));
        }

        foreach (var h in data.Households ?? [])
        {
            state = state.Apply(new HouseholdUpserted(h));
        }

        foreach (var t in data.Trunks ?? [])
        {
            state = state.Apply(new TrunkUpserted(t));
        }

        return state;
    }

    private DirectoryState WithHousehold(HouseholdSpec household)
    {
        var cleared = WithoutHousehold(household.Id);
        return cleared with
        {
            Households = cleared.Households.SetItem(household.Id, household),
            HouseholdsByMember = AddMembers(cleared.HouseholdsByMember, household),
        };
    }

    private DirectoryState WithoutHousehold(string id)
    {
        if (!Households.TryGetValue(id, out var old))
        {
            return this;
        }

        var index = HouseholdsByMember;
        foreach (var member in Members(old))
        {
            if (index.TryGetValue(member, out var ids))
            {
                var left = ids.Remove(id);
                index = left.IsEmpty ? index.Remove(member) : index.SetItem(member, left);
            }
        }

        return this with { Households = Households.Remove(id), HouseholdsByMember = index };
    }

    private static ImmutableDictionary<string, ImmutableSortedSet<string>> AddMembers(
        ImmutableDictionary<string, ImmutableSortedSet<string>> index,
        HouseholdSpec household)
    {
        foreach (var member in Members(household))
        {
            var ids = index.TryGetValue(member, out var existing) ? existing : ImmutableSortedSet.Create<string>(StringComparer.Ordinal);
            index = index.SetItem(member, ids.Add(household.Id));
        }

        return index;
    }

    private static IEnumerable<string> Members(HouseholdSpec h) => (h.Mobiles ?? []).Concat(h.LocalTerminals ?? []).Distinct(StringComparer.Ordinal);
}
