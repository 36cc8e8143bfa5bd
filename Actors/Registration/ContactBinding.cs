using CallCluster.Actors.Serialization;

namespace CallCluster.Actors.Registration;

/// <summary>One Contact of a REGISTER as the gateway parsed it.</summary>
/// <param name="Uri">The contact URI, canonicalised by the gateway (compared case-insensitively here).</param>
/// <param name="Expires">The contact's <c>expires</c> parameter, or null.</param>
/// <param name="Q">The contact's <c>q</c> parameter (0 to 1), or null (1.0).</param>
public sealed record ContactRequest(string Uri, int? Expires = null, double? Q = null);

/// <summary>A contact bound to an AOR (RFC 3261 section 10), with the Call-ID/CSeq of the REGISTER that set it.</summary>
public sealed record ContactBinding(string Uri, DateTimeOffset ExpiresAt, double Q, string CallId, long CSeq)
    : ICallClusterMessage
{
    /// <summary>Whole seconds left at <paramref name="now"/> (the Contact's <c>expires</c> in a 200 OK).</summary>
    public int SecondsLeft(DateTimeOffset now) =>
        (int)Math.Max(0, Math.Ceiling((ExpiresAt - now).TotalSeconds));
}
