using CallCluster.Actors.Serialization;

namespace CallCluster.Actors.MediaProtocol;

/// <summary>Asks a media node for its counters. Replies <see cref="MediaStats"/>.</summary>
public sealed record GetMediaStats : ICallClusterMessage
{
    public static GetMediaStats Instance { get; } = new();
}

/// <summary>A media node's load and counters.</summary>
public sealed record MediaStats(
    int AllocatedPorts,
    int FreePorts,
    int Endpoints,
    int Mixes,
    int Bridges,
    long PacketsReceived,
    long PacketsSent,
    long MixerTicks,
    long MissedTicks) : ICallClusterMessage;
