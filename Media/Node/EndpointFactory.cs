using System.Net;
using CallCluster.Actors.MediaProtocol;
using CallCluster.Media.Ports;
using CallCluster.Media.Streams;
using CallCluster.Media.Transport;

namespace CallCluster.Media.Node;

/// <summary>
/// Leases ports and binds sockets for the streams of a new endpoint. A port someone else holds
/// is skipped (its lease goes back to the end of the pool); any failure rolls back everything
/// taken so far, so a failed allocation holds nothing.
/// </summary>
internal sealed class EndpointFactory(PortPool pool, IPAddress bindAddress, TimeProvider time)
{
    private const int BindAttempts = 16;
    private static readonly CodecSpec[] DefaultAudio = [CodecSpec.Pcmu, CodecSpec.Pcma];

    public string? TryCreate(IReadOnlyList<MediaStreamRequest> requests, Func<int> nextKey, out List<MediaStream> streams, out List<PortLease> leases)
    {
        streams = [];
        leases = [];
        foreach (var request in requests)
        {
            var stream = TryCreateStream(request, nextKey(), leases);
            if (stream is null)
            {
                Rollback(streams, leases);
                return pool.FreePairs == 0 ? "RTP ports exhausted" : "could not bind RTP ports";
            }

            streams.Add(stream);
        }

        foreach (var stream in streams)
        {
            stream.Start();
        }

        return null;
    }

    public void Release(MediaEndpoint endpoint)
    {
        endpoint.Dispose();
        foreach (var lease in endpoint.Leases)
        {
            pool.Release(lease);
        }
    }

    private MediaStream? TryCreateStream(MediaStreamRequest request, int key, List<PortLease> leases)
    {
        var codecs = request.CodecPreferences is { Count: > 0 } given ? given
            : request.Kind == MediaKind.Audio ? DefaultAudio : [];
        int attempts = Math.Min(BindAttempts, pool.FreePairs);
        for (int i = 0; i < attempts; i++)
        {
            if (!pool.TryLease(request.RtcpMux, out var lease))
            {
                return null;
            }

            var rtp = UdpChannel.TryBind(bindAddress, lease!.RtpPort);
            var rtcp = rtp is null || lease.RtcpMux ? null : UdpChannel.TryBind(bindAddress, lease.RtcpPort);
            if (rtp is not null && (lease.RtcpMux || rtcp is not null))
            {
                leases.Add(lease);
                return new MediaStream(key, request.Kind, rtp, rtcp, codecs, time);
            }

            rtp?.Dispose();
            rtcp?.Dispose();
            pool.Release(lease);
        }

        return null;
    }

    private void Rollback(List<MediaStream> streams, List<PortLease> leases)
    {
        foreach (var stream in streams)
        {
            stream.Dispose();
        }

        foreach (var lease in leases)
        {
            pool.Release(lease);
        }

        streams.Clear();
        leases.Clear();
    }
}
