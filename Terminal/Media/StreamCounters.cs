namespace CallCluster.Terminal.Media;

/// <summary>Counters of one stream, read and written with <see cref="Interlocked"/> only.</summary>
internal sealed class StreamCounters
{
    public long PacketsSent;
    public long OctetsSent;
    public long KeyFramesSent;
    public long KeyFramesReceived;
    public long KeyFrameRequestsReceived;
    public long RtcpSent;
    public long RtcpReceived;
    public long Invalid;
}
