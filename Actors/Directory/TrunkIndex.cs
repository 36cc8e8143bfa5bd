using System.Collections.Frozen;
using System.Net;

namespace CallCluster.Actors.Directory;

/// <summary>Trusted-source networks and prefixes of all trunks, for source and longest-prefix lookups.</summary>
internal sealed class TrunkIndex
{
    private readonly (IPNetwork Network, TrunkSpec Trunk)[] _networks;
    private readonly FrozenDictionary<string, TrunkSpec> _prefixes;
    private readonly int _longestPrefix;

    private TrunkIndex((IPNetwork, TrunkSpec)[] networks, FrozenDictionary<string, TrunkSpec> prefixes)
    {
        _networks = networks;
        _prefixes = prefixes;
        _longestPrefix = prefixes.Count == 0 ? 0 : prefixes.Keys.Max(p => p.Length);
    }

    public static TrunkIndex Build(DirectoryState state)
    {
        var networks = new List<(IPNetwork, TrunkSpec)>();
        var prefixes = new Dictionary<string, TrunkSpec>(StringComparer.Ordinal);
        foreach (var trunk in state.Trunks.Values.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            foreach (var source in trunk.TrustedSources)
            {
                if (DirectoryValidation.TryParseSource(source, out var network))
                {
                    networks.Add((network, trunk));
                }
            }

            foreach (var prefix in trunk.Prefixes)
            {
                prefixes.TryAdd(prefix, trunk);
            }
        }

        return new TrunkIndex(
            networks.OrderByDescending(n => n.Item1.PrefixLength).ToArray(),
            prefixes.ToFrozenDictionary(StringComparer.Ordinal));
    }

    public TrunkSpec? BySource(IPAddress? source)
    {
        if (source is null)
        {
            return null;
        }

        var address = source.IsIPv4MappedToIPv6 ? source.MapToIPv4() : source;
        foreach (var (network, trunk) in _networks)
        {
            if (network.Contains(address))
            {
                return trunk;
            }
        }

        return null;
    }

    public TrunkSpec? ByPrefix(string? number)
    {
        if (string.IsNullOrEmpty(number) || _prefixes.Count == 0)
        {
            return null;
        }

        var lookup = _prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var length = Math.Min(number.Length, _longestPrefix); length > 0; length--)
        {
            if (lookup.TryGetValue(number.AsSpan(0, length), out var trunk))
            {
                return trunk;
            }
        }

        return null;
    }
}
