namespace CallCluster.Actors.Sessions;

/// <summary>Identity of one session (one call of any kind); the sharded entity id.</summary>
public sealed record SessionId(string Value)
{
    /// <summary>A fresh random id.</summary>
    public static SessionId New() => new(Guid.NewGuid().ToString("N"));

    public override string ToString() => Value;
}

/// <summary>Identity of one leg (one SIP dialog) inside a session.</summary>
public sealed record LegId(string Value)
{
    public override string ToString() => Value;
}
