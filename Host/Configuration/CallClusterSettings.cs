using System.Net;
using CallCluster.Actors.Hosting;
using CallCluster.Media;

namespace CallCluster.Host.Configuration;

/// <summary>Every setting of a node, read and validated once at start-up.</summary>
public sealed record CallClusterSettings(
    NodeSection Node,
    SipSection Sip,
    HttpSection Http,
    PersistenceSection Persistence,
    ClusterSection Cluster,
    MediaSection Media,
    ProvisioningSection Provisioning,
    LoggingSection Logging);

/// <summary>`Node:Roles`: any of gateway, session, media.</summary>
public sealed record NodeSection(IReadOnlyList<string> Roles)
{
    public bool Has(string role) => Roles.Contains(role, StringComparer.Ordinal);
}

/// <summary>A SIP listening socket from `Sip:Listen` (`udp:IP:PORT` or `tcp:IP:PORT`).</summary>
public sealed record SipListenAddress(string Transport, IPEndPoint EndPoint)
{
    public override string ToString() => $"{Transport}:{EndPoint}";
}

/// <summary>`Sip:*`. AdvertisedAddress is host or host:port shared by all gateway nodes.</summary>
public sealed record SipSection(IReadOnlyList<SipListenAddress> Listen, string Domain, string? AdvertisedAddress);

/// <summary>`Http:Listen`: one absolute http URL with an explicit port.</summary>
public sealed record HttpSection(Uri Listen);

/// <summary>`Persistence:*`: Provider is "sqlite" or "postgres"; SqliteSynchronous "normal" (default) or "full"; BatchWriter true (default) or false.</summary>
public sealed record PersistenceSection(string Provider, string ConnectionString, SqliteSynchronous SqliteSynchronous = SqliteSynchronous.Normal, bool BatchWriter = true);

/// <summary>`Cluster:*`: seeds are akka.tcp://callcluster@host:port addresses.</summary>
/// <remarks>
/// `Cluster:DownCrashedNodes` (default true): down a member at once when its cluster port refuses
/// connections. `Cluster:ExactStableAfter` (default true): take the keep-majority decision exactly
/// stable-after after a partition settles, not on the resolver's next one-second tick.
/// `Cluster:HeartbeatPauseMs` and `Cluster:StableAfterMs` (default 1000 each): the
/// failure detector's acceptable pause and the split brain resolver's stable-after.
/// </remarks>
public sealed record ClusterSection(
    string Hostname,
    int Port,
    IReadOnlyList<string> Seeds,
    bool DownCrashedNodes = true,
    bool ExactStableAfter = true,
    int HeartbeatPauseMs = NodeSettings.DefaultFailoverWaitMs,
    int StableAfterMs = NodeSettings.DefaultFailoverWaitMs);

/// <summary>
/// `Media:*`: inclusive RTP port range, the IP the RTP sockets bind to, the address put in SDP, and
/// the mixing threads' real-time priority (`Media:MixerRealtimePriority`, 0 = normal scheduling),
/// how long a leg may send no media before its session is told (`Media:DeadMediaSeconds`), and how
/// long a stopping media node keeps relaying while its calls move elsewhere (`Media:DrainSeconds`).
/// </summary>
public sealed record MediaSection(
    int RtpPortMin,
    int RtpPortMax,
    string BindAddress,
    string? AdvertisedAddress,
    int MixerRealtimePriority = MediaSettings.DefaultMixerRealtimePriority,
    int DeadMediaSeconds = MediaSection.DefaultDeadMediaSeconds,
    int DrainSeconds = MediaSettings.DefaultDrainSeconds)
{
    public const int DefaultDeadMediaSeconds = 30;
}

/// <summary>`Provisioning:File`: a JSON file loaded into the directory at start.</summary>
public sealed record ProvisioningSection(string? File);

/// <summary>`Logging:Format`: "text" or "json".</summary>
public sealed record LoggingSection(string Format);
