using System.Diagnostics.CodeAnalysis;
using CallCluster.Actors.Sessions;

namespace CallCluster.Gateway.Core;

/// <summary>
/// The inbound INVITEs a gateway holds, by session and leg, and by session alone (the caller's
/// leg of an outbound INVITE is found without a scan over every call in progress).
/// </summary>
internal sealed class InboundLegTable
{
    private readonly Dictionary<(SessionId, LegId), InboundLeg> _legs = [];
    private readonly Dictionary<SessionId, List<InboundLeg>> _bySession = [];

    /// <summary>Holds <paramref name="leg"/>, in place of any leg of the same session and id.</summary>
    public void Set(InboundLeg leg)
    {
        Remove((leg.Session, leg.Leg));
        _legs[(leg.Session, leg.Leg)] = leg;
        if (!_bySession.TryGetValue(leg.Session, out var legs))
        {
            legs = [];
            _bySession.Add(leg.Session, legs);
        }

        legs.Add(leg);
    }

    public bool ContainsKey((SessionId Session, LegId Leg) key) => _legs.ContainsKey(key);

    public bool TryGetValue((SessionId Session, LegId Leg) key, [NotNullWhen(true)] out InboundLeg? leg) =>
        _legs.TryGetValue(key, out leg);

    public bool Remove((SessionId Session, LegId Leg) key) => Remove(key, out _);

    public bool Remove((SessionId Session, LegId Leg) key, [NotNullWhen(true)] out InboundLeg? leg)
    {
        if (!_legs.Remove(key, out leg))
        {
            return false;
        }

        if (_bySession.TryGetValue(key.Session, out var legs) && legs.Remove(leg) && legs.Count == 0)
        {
            _bySession.Remove(key.Session);
        }

        return true;
    }

    /// <summary>The session's earliest inbound INVITE still held here, if any.</summary>
    public InboundLeg? FirstOf(SessionId session) =>
        _bySession.TryGetValue(session, out var legs) ? legs[0] : null;
}
