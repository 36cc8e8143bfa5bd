using CallCluster.Actors.Serialization;

namespace CallCluster.Actors.Registration;

/// <summary>Commands to the registration entity of one AOR (entity id = <c>Aor</c>).</summary>
public static class RegistrationCommands
{
    public interface IRegistrationCommand : ICallClusterMessage
    {
        string Aor { get; }
    }

    /// <summary>
    /// A REGISTER: <paramref name="Contacts"/> empty and <paramref name="Wildcard"/> false is a query;
    /// <paramref name="Wildcard"/> is <c>Contact: *</c>; <paramref name="Expires"/> is the Expires header.
    /// </summary>
    public sealed record Register(
        string Aor,
        string CallId,
        long CSeq,
        IReadOnlyList<ContactRequest> Contacts,
        bool Wildcard = false,
        int? Expires = null) : IRegistrationCommand;

    /// <summary>The current contacts of <paramref name="Aor"/> (for routing a call to it).</summary>
    public sealed record GetBindings(string Aor) : IRegistrationCommand;
}

/// <summary>Replies of the registration entity.</summary>
public static class RegistrationReplies
{
    public interface IRegistrationReply : ICallClusterMessage;

    /// <summary>200 OK: every current contact, highest q first; <paramref name="Now"/> is the entity's clock.</summary>
    public sealed record Bindings(string Aor, IReadOnlyList<ContactBinding> Contacts, DateTimeOffset Now) : IRegistrationReply;

    /// <summary>The REGISTER fails with <paramref name="StatusCode"/> (400, 423 with <paramref name="MinExpires"/>, 403, 500, 503).</summary>
    public sealed record Rejected(string Aor, int StatusCode, string Reason, int? MinExpires = null) : IRegistrationReply;
}

/// <summary>Persisted events of a registration entity (persistence id <c>registration-{aor}</c>).</summary>
public static class RegistrationEvents
{
    /// <summary>The complete contact list after a change (so replay needs only the last one).</summary>
    public sealed record BindingsChanged(IReadOnlyList<ContactBinding> Contacts) : ICallClusterMessage;
}
