using CallCluster.Actors.MediaProtocol;
using CallCluster.Media.Ports;
using CallCluster.Media.Streams;

namespace CallCluster.Media.Node;

/// <summary>The anchored streams of one leg, with the port leases they hold.</summary>
public sealed class MediaEndpoint : IDisposable
{
    private readonly IReadOnlyList<PortLease> leases;

    /// <summary>Creates an endpoint over started streams and their leases.</summary>
    public MediaEndpoint(string id, string sessionId, string legId, string participantId, IReadOnlyList<MediaStream> streams, IReadOnlyList<PortLease> leases)
    {
        Id = id;
        SessionId = sessionId;
        LegId = legId;
        ParticipantId = participantId;
        Streams = streams;
        this.leases = leases;
    }

    /// <summary>Endpoint id (node-unique).</summary>
    public string Id { get; }

    /// <summary>Owning session.</summary>
    public string SessionId { get; }

    /// <summary>The leg it anchors.</summary>
    public string LegId { get; }

    /// <summary>The participant it belongs to in a mix.</summary>
    public string ParticipantId { get; }

    /// <summary>Its streams, in the order requested.</summary>
    public IReadOnlyList<MediaStream> Streams { get; }

    /// <summary>Its leases (released by the node, exactly once).</summary>
    public IReadOnlyList<PortLease> Leases => leases;

    /// <summary>The first audio stream, if any.</summary>
    public MediaStream? Audio => Streams.FirstOrDefault(s => s.Kind == MediaKind.Audio);

    /// <summary>The first video stream, if any.</summary>
    public MediaStream? Video => Streams.FirstOrDefault(s => s.Kind == MediaKind.Video);

    /// <summary>True once the peer's SDP was applied (silence counts only from then on).</summary>
    public bool Configured { get; set; }

    /// <summary>The <see cref="ActivityCount"/> when the current silence was reported, or null.</summary>
    public long? DeadReportedAt { get; set; }

    /// <summary>Packets received from the peer over all streams.</summary>
    public long ActivityCount => Streams.Sum(s => s.ActivityCount);

    /// <summary>Latest activity over all streams (timestamp).</summary>
    public long LastActivity => Streams.Max(s => s.LastActivity);

    /// <summary>For logs: session, leg, endpoint, and each stream's port with the address its media comes from.</summary>
    public string Describe() =>
        $"session {SessionId} leg {LegId} ({Id}: "
        + string.Join(", ", Streams.Select(s => $"{s.Kind} port {s.RtpPort} from {(s.RemoteRtp is { } a ? new System.Net.IPEndPoint(System.Net.IPAddress.Any, 0).Create(a).ToString() : "?")}"))
        + ")";

    /// <summary>True if the peer is expected to send on some stream (not on hold toward us).</summary>
    public bool ExpectsMedia => Streams.Any(s => s.Settings.PeerSends);

    /// <summary>The reply describing this endpoint.</summary>
    public EndpointAllocated ToAllocated(string advertisedAddress) =>
        new(SessionId, LegId, Id, advertisedAddress, [.. Streams.Select(s => new AllocatedStream(s.Kind, s.RtpPort, s.RtcpPort, s.RtcpMux))]);

    /// <summary>Closes the sockets.</summary>
    public void Dispose()
    {
        foreach (var stream in Streams)
        {
            stream.Dispose();
        }
    }
}
