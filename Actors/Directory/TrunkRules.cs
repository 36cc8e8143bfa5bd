using System.Net;
using static CallCluster.Actors.Directory.DirectoryCommands;
using static CallCluster.Actors.Directory.DirectoryEvents;
using static CallCluster.Actors.Directory.DirectoryReplies;

namespace CallCluster.Actors.Directory;

/// <summary>Trunk upsert rules: trusted sources never overlap between trunks, a prefix has one owner.</summary>
internal static class TrunkRules
{
    public static DirectoryDecision Upsert(DirectoryState state, UpsertTrunk command)
    {
        var trunk = command.Trunk;
        var problem = trunk is null ? "trunk is required" : Check(trunk);
        if (problem is not null)
        {
            return DirectoryDecision.Answer(new Invalid(problem));
        }

        var normalized = trunk! with { TrustedSources = trunk.TrustedSources.ToArray(), Prefixes = trunk.Prefixes.ToArray() };
        var conflict = Clash(state, normalized);
        if (conflict is not null)
        {
            return DirectoryDecision.Answer(new Conflict(conflict));
        }

        if (state.Trunks.TryGetValue(normalized.Name, out var existing)
            && existing.Address == normalized.Address
            && existing.TrustedSources.SequenceEqual(normalized.TrustedSources)
            && existing.Prefixes.SequenceEqual(normalized.Prefixes)
            && existing.Media == normalized.Media)
        {
            return DirectoryDecision.Answer(new Ok(normalized.Name, false));
        }

        return DirectoryDecision.Persist(new TrunkUpserted(normalized), new Ok(normalized.Name, existing is null));
    }

    private static string? Check(TrunkSpec trunk)
    {
        var problem = DirectoryValidation.Name(trunk.Name, "trunk name")
            ?? DirectoryValidation.TrunkAddress(trunk.Address)
            ?? DirectoryValidation.List(trunk.TrustedSources, "trustedSources")
            ?? DirectoryValidation.List(trunk.Prefixes, "prefixes");
        if (problem is not null)
        {
            return problem;
        }

        var badSource = trunk.TrustedSources.FirstOrDefault(s => !DirectoryValidation.TryParseSource(s, out _));
        if (badSource is not null)
        {
            return $"trusted source '{badSource}' of trunk '{trunk.Name}' is not an IP address or CIDR range (host bits must be zero)";
        }

        return trunk.Prefixes.Select(DirectoryValidation.Prefix).FirstOrDefault(p => p is not null);
    }

    private static string? Clash(DirectoryState state, TrunkSpec trunk)
    {
        var mine = trunk.TrustedSources.Select(Parse).ToArray();
        foreach (var other in state.Trunks.Values.Where(t => t.Name != trunk.Name))
        {
            foreach (var source in other.TrustedSources)
            {
                var theirs = Parse(source);
                var overlap = mine.FirstOrDefault(m => Overlaps(m, theirs));
                if (overlap != default)
                {
                    return $"trusted source {overlap} of trunk '{trunk.Name}' overlaps {source} of trunk '{other.Name}'";
                }
            }

            var shared = trunk.Prefixes.Intersect(other.Prefixes, StringComparer.Ordinal).FirstOrDefault();
            if (shared is not null)
            {
                return $"prefix '{shared}' already routes to trunk '{other.Name}'";
            }
        }

        return null;
    }

    private static IPNetwork Parse(string source) =>
        DirectoryValidation.TryParseSource(source, out var network) ? network : default;

    private static bool Overlaps(IPNetwork a, IPNetwork b) =>
        a.BaseAddress.AddressFamily == b.BaseAddress.AddressFamily
        && (a.Contains(b.BaseAddress) || b.Contains(a.BaseAddress));
}
