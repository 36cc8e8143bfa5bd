using System.Net;
using CallCluster.Actors.MediaProtocol;
using CallCluster.Actors.Serialization;
using CallCluster.Media.Mixing;
using CallCluster.Media.Ports;

namespace CallCluster.Media.Node;

/// <summary>
/// Everything a media node holds: the port pool, the mixing loops, endpoints, and each session's
/// mix or bridge. Each command returns its reply. Owned by one actor (or one test or benchmark
/// thread): not thread-safe itself, while the data path it sets up runs on sockets and loops.
/// </summary>
public sealed partial class MediaNode : IDisposable
{
    private const int MaxStreamsPerEndpoint = 4;
    private const int MaxEndpointsPerSession = 16;

    private readonly MediaSettings settings;
    private readonly TimeProvider time;
    private readonly PortPool pool;
    private readonly EndpointFactory factory;
    private readonly MixerLoop[] loops;
    private readonly Dictionary<string, MediaEndpoint> endpoints = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Session, string Leg), MediaEndpoint> byLeg = [];
    private readonly Dictionary<string, List<MediaEndpoint>> bySession = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SessionMedia> sessions = new(StringComparer.Ordinal);
    private readonly string idPrefix = $"ep-{Random.Shared.Next(0x100000, 0xFFFFFF):x6}-";
    private int nextKey;
    private long nextEndpoint;

    /// <summary>Creates the node's pool and starts its mixing loops. Throws on settings that cannot work.</summary>
    public MediaNode(MediaSettings settings, TimeProvider? time = null)
    {
        this.settings = settings;
        this.time = time ?? TimeProvider.System;
        if (!IPAddress.TryParse(settings.BindAddress, out var bind))
        {
            throw new ArgumentException($"Media bind address '{settings.BindAddress}' is not an IP address", nameof(settings));
        }

        pool = new PortPool(settings.PortRangeStart, settings.PortRangeEnd);
        factory = new EndpointFactory(pool, bind, this.time);
        loops = [.. Enumerable.Range(0, settings.EffectiveMixerLoops).Select(i => new MixerLoop(i, TimeProvider.System, TimeSpan.FromMilliseconds(1), settings.MixerRealtimePriority))];
    }

    /// <summary>The settings.</summary>
    public MediaSettings Settings => settings;

    /// <summary>Endpoints held.</summary>
    public int EndpointCount => endpoints.Count;

    /// <summary>The endpoint with this id, if held.</summary>
    public MediaEndpoint? FindEndpoint(string endpointId) => endpoints.GetValueOrDefault(endpointId);

    /// <summary>The ids of the endpoints the session holds here.</summary>
    public IReadOnlyList<string> EndpointIdsOf(string sessionId) => [.. EndpointsOf(sessionId).Select(e => e.Id)];

    /// <summary>The session's current mix or bridge, if any.</summary>
    public SessionMedia? FindSession(string sessionId) => sessions.GetValueOrDefault(sessionId);

    /// <summary>The mixing loops (for counters).</summary>
    public IReadOnlyList<MixerLoop> Loops => loops;

    /// <summary>Allocates (or, for a repeated session and leg, returns) an endpoint.</summary>
    public ICallClusterMessage Allocate(AllocateEndpoint command)
    {
        if (string.IsNullOrEmpty(command.SessionId) || string.IsNullOrEmpty(command.LegId) || command.Streams is null)
        {
            return new AllocationFailed(command.SessionId ?? "", command.LegId ?? "", "session id, leg id and streams are required");
        }

        if (byLeg.TryGetValue((command.SessionId, command.LegId), out var existing))
        {
            return existing.ToAllocated(settings.AdvertisedAddress);
        }

        if (command.Streams.Any(s => s?.CodecPreferences is null || s.CodecPreferences.Any(c => c?.Name is null)))
        {
            return new AllocationFailed(command.SessionId, command.LegId, "every stream needs a codec list without empty entries");
        }

        if (command.Streams.Count is 0 or > MaxStreamsPerEndpoint)
        {
            return new AllocationFailed(command.SessionId, command.LegId, $"an endpoint carries 1 to {MaxStreamsPerEndpoint} streams");
        }

        if (EndpointsOf(command.SessionId).Count >= MaxEndpointsPerSession)
        {
            return new AllocationFailed(command.SessionId, command.LegId, "too many endpoints for one session");
        }

        string? failure = factory.TryCreate(command.Streams, () => ++nextKey, out var streams, out var leases);
        if (failure is not null)
        {
            return new AllocationFailed(command.SessionId, command.LegId, failure);
        }

        var endpoint = new MediaEndpoint(idPrefix + ++nextEndpoint, command.SessionId, command.LegId, command.ParticipantId ?? command.LegId, streams, leases);
        endpoints.Add(endpoint.Id, endpoint);
        byLeg.Add((endpoint.SessionId, endpoint.LegId), endpoint);
        if (!bySession.TryGetValue(endpoint.SessionId, out var owned))
        {
            owned = [];
            bySession.Add(endpoint.SessionId, owned);
        }

        owned.Add(endpoint);
        return endpoint.ToAllocated(settings.AdvertisedAddress);
    }

    /// <summary>Applies the peer's SDP to each stream of the same kind, in order.</summary>
    public ICallClusterMessage Configure(ConfigureEndpoint command)
    {
        if (Owned(command.SessionId, command.EndpointId) is not { } endpoint)
        {
            return new MediaCommandFailed(command.SessionId, $"unknown endpoint {command.EndpointId}");
        }

        if (command.Streams is null || command.Streams.Any(s => s?.Codecs is null || s.Codecs.Any(c => c?.Name is null) || s.RemoteAddress is null))
        {
            return new MediaCommandFailed(command.SessionId, "stream configuration without codecs");
        }

        foreach (var group in command.Streams.GroupBy(s => s.Kind))
        {
            var targets = endpoint.Streams.Where(s => s.Kind == group.Key).ToList();
            foreach (var (configuration, stream) in group.Zip(targets))
            {
                stream.Configure(configuration);
            }
        }

        endpoint.DeadReportedAt = null;
        endpoint.Configured = true;
        return new EndpointConfigured(command.SessionId, endpoint.Id);
    }

    /// <summary>Counters.</summary>
    public MediaStats Stats() => new(
        pool.PortsInUse,
        pool.FreePairs * 2,
        endpoints.Count,
        sessions.Values.Count(s => !s.IsBridge),
        sessions.Values.Count(s => s.IsBridge),
        endpoints.Values.Sum(e => e.Streams.Sum(s => s.RtpReceived)),
        endpoints.Values.Sum(e => e.Streams.Sum(s => s.Sent)),
        loops.Sum(l => l.Ticks),
        loops.Sum(l => l.MissedTicks));

    /// <summary>Endpoints that received media within <paramref name="quiet"/>: calls still sending to this node.</summary>
    public int ActiveEndpoints(TimeSpan quiet) => ActiveEndpointList(quiet).Count;

    /// <summary>The endpoints <see cref="ActiveEndpoints"/> counts.</summary>
    public IReadOnlyList<MediaEndpoint> ActiveEndpointList(TimeSpan quiet)
    {
        long now = time.GetTimestamp();
        return [.. endpoints.Values.Where(e => e.ActivityCount > 0 && time.GetElapsedTime(e.LastActivity, now) < quiet)];
    }

    /// <summary>
    /// Endpoints silent for longer than the dead-media timeout, each reported once per silence
    /// (new media re-arms it). Only configured endpoints count; endpoints whose peer is not expected to send (hold) are skipped.
    /// </summary>
    public IReadOnlyList<EndpointDead> CollectDead()
    {
        long now = time.GetTimestamp();
        var dead = new List<EndpointDead>();
        foreach (var endpoint in endpoints.Values)
        {
            long activity = endpoint.ActivityCount;
            if (endpoint.DeadReportedAt is { } reported && activity != reported)
            {
                endpoint.DeadReportedAt = null;
            }

            if (endpoint.DeadReportedAt is null && endpoint.Configured && endpoint.ExpectsMedia && time.GetElapsedTime(endpoint.LastActivity, now) >= settings.DeadMediaTimeout)
            {
                endpoint.DeadReportedAt = activity;
                dead.Add(new EndpointDead(endpoint.Id, endpoint.SessionId, endpoint.LegId));
            }
        }

        return dead;
    }

    /// <summary>Releases everything and stops the loops.</summary>
    public void Dispose()
    {
        foreach (var id in sessions.Keys.ToList())
        {
            Release(new ReleaseSession(id));
        }

        foreach (var endpoint in endpoints.Values.ToList())
        {
            RemoveEndpoint(endpoint);
        }

        foreach (var loop in loops)
        {
            loop.Dispose();
        }
    }

    /// <summary>The endpoints the session holds here (empty when none): no scan over the node's endpoints.</summary>
    private IReadOnlyList<MediaEndpoint> EndpointsOf(string sessionId) =>
        bySession.TryGetValue(sessionId, out var owned) ? owned : [];

    private MediaEndpoint? Owned(string sessionId, string endpointId) =>
        endpoints.TryGetValue(endpointId ?? "", out var endpoint) && endpoint.SessionId == sessionId ? endpoint : null;

    private void RemoveEndpoint(MediaEndpoint endpoint)
    {
        if (endpoints.Remove(endpoint.Id))
        {
            byLeg.Remove((endpoint.SessionId, endpoint.LegId));
            if (bySession.TryGetValue(endpoint.SessionId, out var owned) && owned.Remove(endpoint) && owned.Count == 0)
            {
                bySession.Remove(endpoint.SessionId);
            }

            factory.Release(endpoint);
        }
    }
}
