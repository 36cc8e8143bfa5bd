using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using CallCluster.Actors.Hosting;
using CallCluster.Media;
using Npgsql;

namespace CallCluster.Host.Configuration;

/// <summary>
/// Turns configuration into validated <see cref="CallClusterSettings"/>. The first bad setting
/// throws a <see cref="SettingsException"/> whose message names the key and what is wrong.
/// </summary>
public static partial class SettingsReader
{
    public static readonly IReadOnlyList<string> AllRoles = ["gateway", "session", "media"];
    public const string DefaultSipListen = "udp:127.0.0.1:5060,tcp:127.0.0.1:5060";
    public const string DefaultHttpListen = "http://127.0.0.1:8080";
    public const string DefaultSqlite = "Data Source=./data/callcluster.db";
    public const string DefaultDomain = "callcluster.local";
    public const int DefaultClusterPort = 4053;
    public const string DefaultRtpPortRange = "20000-29999";

    public static CallClusterSettings Read(IConfiguration configuration) =>
        new(
            ReadNode(configuration),
            ReadSip(configuration),
            new HttpSection(SettingParsers.HttpUrl("Http:Listen", SettingValues.Scalar(configuration, "Http:Listen") ?? DefaultHttpListen)),
            ReadPersistence(configuration),
            ReadCluster(configuration),
            ReadMedia(configuration),
            new ProvisioningSection(SettingValues.Scalar(configuration, "Provisioning:File")),
            new LoggingSection(SettingParsers.OneOf("Logging:Format", SettingValues.Scalar(configuration, "Logging:Format") ?? "text", "text", "json")));

    private static NodeSection ReadNode(IConfiguration configuration)
    {
        var given = SettingValues.List(configuration, "Node:Roles");
        if (given.Count == 0)
        {
            return new NodeSection(AllRoles);
        }
        var roles = new List<string>();
        foreach (var (key, value) in given)
        {
            var role = SettingParsers.OneOf(key, value, [.. AllRoles]);
            if (!roles.Contains(role))
            {
                roles.Add(role);
            }
        }
        return new NodeSection(roles);
    }

    private static SipSection ReadSip(IConfiguration configuration)
    {
        var given = SettingValues.List(configuration, "Sip:Listen");
        var listen = given.Count == 0
            ? DefaultSipListen.Split(',').Select(v => SettingParsers.SipListen("Sip:Listen", v)).ToList()
            : given.Select(e => SettingParsers.SipListen(e.Key, e.Value)).ToList();
        var duplicate = listen.GroupBy(l => l.ToString()).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new SettingsException($"Sip:Listen: '{duplicate.Key}' is listed twice");
        }
        var domain = SettingParsers.HostName("Sip:Domain", SettingValues.Scalar(configuration, "Sip:Domain") ?? DefaultDomain);
        var advertised = SettingValues.Scalar(configuration, "Sip:AdvertisedAddress");
        return new SipSection(
            listen,
            domain,
            advertised is null ? null : SettingParsers.HostAndOptionalPort("Sip:AdvertisedAddress", advertised));
    }

    private static PersistenceSection ReadPersistence(IConfiguration configuration)
    {
        var provider = SettingParsers.OneOf("Persistence:Provider", SettingValues.Scalar(configuration, "Persistence:Provider") ?? "sqlite", "sqlite", "postgres");
        var connection = SettingValues.Scalar(configuration, "Persistence:ConnectionString");
        const string key = "Persistence:ConnectionString";
        if (provider == "sqlite")
        {
            connection ??= DefaultSqlite;
            try
            {
                var builder = new SqliteConnectionStringBuilder(connection);
                if (string.IsNullOrWhiteSpace(builder.DataSource))
                {
                    throw new SettingsException($"{key}: the SQLite connection string has no Data Source");
                }
            }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                throw new SettingsException($"{key}: not a SQLite connection string ({ConfigurationSources.OneLine(e.Message)})");
            }
        }
        else
        {
            if (connection is null || connection == DefaultSqlite)
            {
                throw new SettingsException($"{key}: a PostgreSQL connection string (Host=...;Port=...;Username=...;Password=...;Database=...) is required when Persistence:Provider is postgres");
            }
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(connection);
                if (string.IsNullOrWhiteSpace(builder.Host))
                {
                    throw new SettingsException($"{key}: the PostgreSQL connection string has no Host");
                }
            }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                throw new SettingsException($"{key}: not a PostgreSQL connection string ({ConfigurationSources.OneLine(e.Message)})");
            }
        }
        var synchronous = SettingParsers.OneOf("Persistence:SqliteSynchronous", SettingValues.Scalar(configuration, "Persistence:SqliteSynchronous") ?? "normal", "normal", "full");
        var batchWriter = SettingParsers.Boolean("Persistence:BatchWriter", SettingValues.Scalar(configuration, "Persistence:BatchWriter") ?? "true");
        return new PersistenceSection(provider, connection, synchronous == "full" ? SqliteSynchronous.Full : SqliteSynchronous.Normal, batchWriter);
    }

    private static ClusterSection ReadCluster(IConfiguration configuration)
    {
        var hostname = SettingParsers.HostName("Cluster:Hostname", SettingValues.Scalar(configuration, "Cluster:Hostname") ?? "127.0.0.1");
        var portText = SettingValues.Scalar(configuration, "Cluster:Port");
        var port = portText is null ? DefaultClusterPort : SettingParsers.Port("Cluster:Port", portText, allowZero: true);
        var seeds = new List<string>();
        foreach (var (key, value) in SettingValues.List(configuration, "Cluster:Seeds"))
        {
            if (!SeedPattern().IsMatch(value))
            {
                throw new SettingsException($"{key}: '{value}' is not akka.tcp://callcluster@HOST:PORT");
            }
            seeds.Add(value);
        }
        var downText = SettingValues.Scalar(configuration, "Cluster:DownCrashedNodes");
        var downCrashed = downText is null || SettingParsers.Boolean("Cluster:DownCrashedNodes", downText);
        var exactText = SettingValues.Scalar(configuration, "Cluster:ExactStableAfter");
        var exact = exactText is null || SettingParsers.Boolean("Cluster:ExactStableAfter", exactText);
        return new ClusterSection(
            hostname, port, seeds, downCrashed, exact, FailoverWait(configuration, "Cluster:HeartbeatPauseMs"), FailoverWait(configuration, "Cluster:StableAfterMs"));
    }

    private static int FailoverWait(IConfiguration configuration, string key)
    {
        var text = SettingValues.Scalar(configuration, key);
        return text is null
            ? NodeSettings.DefaultFailoverWaitMs
            : SettingParsers.Milliseconds(key, text, NodeSettingsValidation.MinFailoverWaitMs, NodeSettingsValidation.MaxFailoverWaitMs);
    }

    private static MediaSection ReadMedia(IConfiguration configuration)
    {
        var (min, max) = SettingParsers.PortRange("Media:RtpPortRange", SettingValues.Scalar(configuration, "Media:RtpPortRange") ?? DefaultRtpPortRange);
        var bindText = SettingValues.Scalar(configuration, "Media:BindAddress") ?? "127.0.0.1";
        if (!System.Net.IPAddress.TryParse(bindText, out var bind))
        {
            throw new SettingsException($"Media:BindAddress: '{bindText}' is not an IP address");
        }
        var advertised = SettingValues.Scalar(configuration, "Media:AdvertisedAddress");
        if (advertised is null && (bind.Equals(System.Net.IPAddress.Any) || bind.Equals(System.Net.IPAddress.IPv6Any)))
        {
            throw new SettingsException($"Media:AdvertisedAddress: required when Media:BindAddress is {bindText} (the address terminals send RTP to)");
        }
        var priorityText = SettingValues.Scalar(configuration, "Media:MixerRealtimePriority");
        var priority = priorityText is null ? MediaSettings.DefaultMixerRealtimePriority : SettingParsers.Priority("Media:MixerRealtimePriority", priorityText);
        var deadText = SettingValues.Scalar(configuration, "Media:DeadMediaSeconds");
        var dead = deadText is null ? MediaSection.DefaultDeadMediaSeconds : SettingParsers.Seconds("Media:DeadMediaSeconds", deadText, 1, 86400);
        var drainText = SettingValues.Scalar(configuration, "Media:DrainSeconds");
        var drain = drainText is null
            ? MediaSettings.DefaultDrainSeconds
            : SettingParsers.Seconds("Media:DrainSeconds", drainText, 0, (int)MediaSettings.MaxDrainTimeout.TotalSeconds);
        return new MediaSection(min, max, bind.ToString(), advertised is null ? null : SettingParsers.HostName("Media:AdvertisedAddress", advertised), priority, dead, drain);
    }

    [GeneratedRegex(@"^akka\.tcp://callcluster@(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.\-]+):([1-9][0-9]{0,4})$")]
    private static partial Regex SeedPattern();
}
