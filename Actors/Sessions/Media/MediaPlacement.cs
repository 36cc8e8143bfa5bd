using System.Collections.Immutable;
using static CallCluster.Actors.Sessions.SessionEffects;

namespace CallCluster.Actors.Sessions.Media;

/// <summary>
/// Which media node each of a session's media commands must reach. An endpoint lives on the media
/// node that allocated it, so a command naming endpoints goes to that node, and a new leg's
/// allocation goes to the node that already anchors the session's other live legs (a mix needs
/// them all on one node). The media role's group router places only a session's first allocation:
/// its hashing moves sessions whenever a media node joins or leaves, which must never split a
/// call that is up. Pure and immutable; the session actor keeps one and turns the node addresses
/// into destinations.
/// </summary>
public sealed class MediaPlacement
{
    public static readonly MediaPlacement Empty = new(ImmutableDictionary<string, string>.Empty);

    private MediaPlacement(ImmutableDictionary<string, string> nodeByEndpoint) => NodeByEndpoint = nodeByEndpoint;

    /// <summary>Endpoint id to the address of the media node holding it, for endpoints not released yet.</summary>
    public ImmutableDictionary<string, string> NodeByEndpoint { get; }

    /// <summary>The endpoints the legs of <paramref name="state"/> name (after a recovery).</summary>
    public static MediaPlacement Of(SessionState state) => new(state.Legs
        .Where(l => l is { EndpointId: not null, MediaNode: not null })
        .GroupBy(l => l.EndpointId!, StringComparer.Ordinal)
        .ToImmutableDictionary(g => g.Key, g => g.Last().MediaNode!, StringComparer.Ordinal));

    /// <summary>The media node <paramref name="node"/> allocated <paramref name="endpointId"/>.</summary>
    public MediaPlacement Anchored(string endpointId, string node) => new(NodeByEndpoint.SetItem(endpointId, node));

    /// <summary><paramref name="endpointId"/> was released: nothing will name it again.</summary>
    public MediaPlacement Released(string endpointId) => new(NodeByEndpoint.Remove(endpointId));

    /// <summary>The media node at <paramref name="node"/> is gone, and every endpoint it held.</summary>
    public MediaPlacement Lost(string node) =>
        new(NodeByEndpoint.RemoveRange(NodeByEndpoint.Where(kv => kv.Value == node).Select(kv => kv.Key).ToList()));

    /// <summary>Where <paramref name="effect"/> must go, given the session's state after the decision that produced it.</summary>
    public MediaTarget TargetOf(IMediaEffect effect, SessionState state) => effect switch
    {
        AllocateMedia a => Single(state.LiveLegs
            .Select(l => l.MediaNode)
            .FirstOrDefault(n => n is not null && n != a.AvoidNode)),
        ConfigureMedia c => Single(NodeOf(c.EndpointId, state)),
        ReleaseMedia r => Single(NodeOf(r.EndpointId, state)),
        MixMedia m => Single(m.EndpointIds.Select(id => NodeOf(id, state)).FirstOrDefault(n => n is not null)),
        TransferMediaToBridge t => Single(NodeOf(t.EndpointIdA, state) ?? NodeOf(t.EndpointIdB, state)),
        // Every node that ever held one of its endpoints, and the router's pick: an allocation
        // whose reply never arrived left its endpoint there.
        ReleaseSessionMedia => new MediaTarget(AllNodes(state), ViaRouter: true),
        _ => MediaTarget.Router,
    };

    private string? NodeOf(string endpointId, SessionState state) =>
        NodeByEndpoint.TryGetValue(endpointId, out var node)
            ? node
            : state.Legs.FirstOrDefault(l => l.EndpointId == endpointId)?.MediaNode;

    private IReadOnlyList<string> AllNodes(SessionState state) => NodeByEndpoint.Values
        .Concat(state.Legs.Select(l => l.MediaNode).OfType<string>())
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToList();

    private static MediaTarget Single(string? node) => node is null ? MediaTarget.Router : new MediaTarget([node], ViaRouter: false);
}

/// <summary>The media nodes a command goes to, and whether the media role's router gets it too (or alone, with no node).</summary>
public sealed record MediaTarget(IReadOnlyList<string> Nodes, bool ViaRouter)
{
    public static readonly MediaTarget Router = new([], ViaRouter: true);
}
