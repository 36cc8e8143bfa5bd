namespace CallCluster.Actors.Registration;

/// <summary>Registrar limits (RFC 3261 section 10.3 steps 6-7).</summary>
public sealed record RegistrationPolicy(int DefaultExpires, int MinExpires, int MaxExpires, int MaxContacts)
{
    public static RegistrationPolicy Default { get; } = new(3600, 60, 86_400, 16);
}
