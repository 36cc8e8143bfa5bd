using Akka.Actor;

namespace CallCluster.Actors.Hosting;

/// <summary>Checks <see cref="NodeSettings"/>; every message names the setting the way configuration spells it.</summary>
public static class NodeSettingsValidation
{
    public static IReadOnlyList<string> Validate(NodeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new List<string>();
        ValidateRoles(settings, errors);
        ValidateCluster(settings, errors);
        ValidatePersistence(settings.Persistence, errors);
        return errors;
    }

    private static void ValidateRoles(NodeSettings settings, List<string> errors)
    {
        if (settings.Roles is null || settings.Roles.Count == 0)
        {
            errors.Add("Node:Roles: at least one role is required (gateway, session, media)");
            return;
        }

        foreach (var role in settings.Roles.Where(r => !NodeSettings.AllRoles.Contains(r)).Order(StringComparer.Ordinal))
        {
            errors.Add($"Node:Roles: unknown role '{role}' (expected gateway, session or media)");
        }
    }

    /// <summary>Bounds of <see cref="NodeSettings.HeartbeatPause"/> and <see cref="NodeSettings.StableAfter"/>, in milliseconds.</summary>
    public const int MinFailoverWaitMs = 500;

    public const int MaxFailoverWaitMs = 60_000;

    private static void ValidateCluster(NodeSettings settings, List<string> errors)
    {
        foreach (var (key, wait) in new[] { ("Cluster:HeartbeatPauseMs", settings.HeartbeatPause), ("Cluster:StableAfterMs", settings.StableAfter) })
        {
            if (wait.TotalMilliseconds is < MinFailoverWaitMs or > MaxFailoverWaitMs)
            {
                errors.Add($"{key}: {wait.TotalMilliseconds:0} is outside {MinFailoverWaitMs}-{MaxFailoverWaitMs} ms");
            }
        }

        if (string.IsNullOrWhiteSpace(settings.ClusterHostname))
        {
            errors.Add("Cluster:Hostname: must not be empty");
        }

        if (settings.ClusterPort is < 0 or > 65535)
        {
            errors.Add($"Cluster:Port: {settings.ClusterPort} is not a TCP port (0-65535)");
        }

        if (string.IsNullOrWhiteSpace(settings.SystemName) || !ActorPath.IsValidPathElement(settings.SystemName))
        {
            errors.Add($"Cluster:SystemName: '{settings.SystemName}' is not a valid actor system name");
        }

        if (settings.ShardCount is < 1 or > 10_000)
        {
            errors.Add($"Cluster:ShardCount: {settings.ShardCount} is outside 1-10000");
        }

        var seeds = settings.Seeds ?? [];
        for (var i = 0; i < seeds.Count; i++)
        {
            var problem = SeedProblem(seeds[i], settings.SystemName);
            if (problem is not null)
            {
                errors.Add($"Cluster:Seeds:{i}: {problem}");
            }
        }
    }

    private static string? SeedProblem(string seed, string systemName)
    {
        if (string.IsNullOrWhiteSpace(seed))
        {
            return "must not be empty";
        }

        if (!ActorPath.TryParseAddress(seed, out var address) || address.Host is null || address.Port is null)
        {
            return $"'{seed}' is not an address like akka.tcp://{systemName}@host:port";
        }

        if (!string.Equals(address.System, systemName, StringComparison.Ordinal))
        {
            return $"'{seed}' names system '{address.System}', expected '{systemName}'";
        }

        return address.Port is < 1 or > 65535 ? $"'{seed}' has port {address.Port}, expected 1-65535" : null;
    }

    private static void ValidatePersistence(PersistenceSettings? persistence, List<string> errors)
    {
        if (persistence is null)
        {
            errors.Add("Persistence: section is required");
            return;
        }

        if (!persistence.IsSqlite && !persistence.IsPostgres)
        {
            errors.Add($"Persistence:Provider: '{persistence.Provider}' is not supported (expected sqlite or postgres)");
        }

        if (string.IsNullOrWhiteSpace(persistence.ConnectionString))
        {
            errors.Add("Persistence:ConnectionString: must not be empty");
            return;
        }

        var problem = ConnectionStrings.Problem(persistence);
        if (problem is not null)
        {
            errors.Add($"Persistence:ConnectionString: {problem}");
        }
    }
}
