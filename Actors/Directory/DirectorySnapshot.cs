using System.Net;

namespace CallCluster.Actors.Directory;

/// <summary>
/// Immutable view of the directory for the call path: every lookup is answered from memory,
/// never from the journal. Each node's replica publishes a new instance per change.
/// </summary>
public sealed class DirectorySnapshot
{
    private readonly TrunkIndex _trunks;

    public DirectorySnapshot(DirectoryState state, long version)
        : this(state, version, TrunkIndex.Build(state))
    {
    }

    private DirectorySnapshot(DirectoryState state, long version, TrunkIndex trunks)
    {
        State = state ?? throw new ArgumentNullException(nameof(state));
        Version = version;
        _trunks = trunks;
    }

    public static DirectorySnapshot Empty { get; } = new(DirectoryState.Empty, 0);

    public DirectoryState State { get; }

    /// <summary>Sequence number of the last directory event included.</summary>
    public long Version { get; }

    public IEnumerable<Subscriber> Subscribers => State.Subscribers.Values;

    public IEnumerable<HouseholdSpec> Households => State.Households.Values;

    public IEnumerable<TrunkSpec> Trunks => State.Trunks.Values;

    /// <summary>A new snapshot after <paramref name="newState"/>; the trunk index is rebuilt only when trunks changed.</summary>
    public DirectorySnapshot With(DirectoryState newState, long version) =>
        ReferenceEquals(newState.Trunks, State.Trunks)
            ? new DirectorySnapshot(newState, version, _trunks)
            : new DirectorySnapshot(newState, version);

    public Subscriber? FindSubscriber(string user) =>
        user is not null && State.Subscribers.TryGetValue(user, out var s) ? s : null;

    public HouseholdSpec? FindHousehold(string id) =>
        id is not null && State.Households.TryGetValue(id, out var h) ? h : null;

    public TrunkSpec? FindTrunk(string name) =>
        name is not null && State.Trunks.TryGetValue(name, out var t) ? t : null;

    /// <summary>Households listing <paramref name="mobile"/> among their mobiles.</summary>
    public IReadOnlyList<HouseholdSpec> HouseholdsOfMobile(string mobile) =>
        mobile is null ? [] : State.HouseholdsOf(mobile).Where(h => h.Mobiles.Contains(mobile)).ToArray();

    /// <summary>The local terminals bound to <paramref name="mobile"/> through any of its households.</summary>
    public IReadOnlyList<string> LocalTerminalsOf(string mobile) =>
        HouseholdsOfMobile(mobile).SelectMany(h => h.LocalTerminals).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>True when <paramref name="localTerminal"/> is a local terminal of a household that lists <paramref name="mobile"/>.</summary>
    public bool IsLocalTerminalBoundTo(string localTerminal, string mobile)
    {
        if (localTerminal is null || mobile is null || !State.HouseholdsByMember.TryGetValue(localTerminal, out var ids))
        {
            return false;
        }

        foreach (var id in ids)
        {
            var household = State.Households[id];
            if (household.Mobiles.Contains(mobile) && household.LocalTerminals.Contains(localTerminal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The trunk whose trusted sources contain <paramref name="source"/> (IPv4-mapped IPv6 addresses match IPv4 ranges).</summary>
    public TrunkSpec? TrunkBySource(IPAddress source) => _trunks.BySource(source);

    /// <summary>The trunk owning the longest prefix of <paramref name="number"/>, or null.</summary>
    public TrunkSpec? TrunkByPrefix(string number) => _trunks.ByPrefix(number);
}
