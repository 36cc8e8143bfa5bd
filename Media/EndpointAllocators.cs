using System.Diagnostics.CodeAnalysis;
using Akka.Actor;

namespace CallCluster.Media;

/// <summary>
/// Who allocated each endpoint, indexed both ways: an endpoint's allocator is found by id, and the
/// endpoints of an allocator that stopped are found without a scan over every endpoint of the node.
/// </summary>
internal sealed class EndpointAllocators
{
    private readonly Dictionary<string, IActorRef> _byEndpoint = new(StringComparer.Ordinal);
    private readonly Dictionary<IActorRef, HashSet<string>> _byAllocator = [];

    public void Set(string endpointId, IActorRef allocator)
    {
        Remove(endpointId);
        _byEndpoint[endpointId] = allocator;
        if (!_byAllocator.TryGetValue(allocator, out var ids))
        {
            ids = new HashSet<string>(StringComparer.Ordinal);
            _byAllocator.Add(allocator, ids);
        }

        ids.Add(endpointId);
    }

    public bool TryGetValue(string endpointId, [NotNullWhen(true)] out IActorRef? allocator) =>
        _byEndpoint.TryGetValue(endpointId, out allocator);

    public void Remove(string endpointId)
    {
        if (_byEndpoint.Remove(endpointId, out var allocator)
            && _byAllocator.TryGetValue(allocator, out var ids)
            && ids.Remove(endpointId)
            && ids.Count == 0)
        {
            _byAllocator.Remove(allocator);
        }
    }

    /// <summary>Forgets every endpoint <paramref name="allocator"/> allocated and returns their ids.</summary>
    public IReadOnlyCollection<string> RemoveAllOf(IActorRef allocator)
    {
        if (!_byAllocator.Remove(allocator, out var ids))
        {
            return [];
        }

        foreach (var id in ids)
        {
            _byEndpoint.Remove(id);
        }

        return ids;
    }
}
