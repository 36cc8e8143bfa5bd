using System.Collections;
using CallCluster.Actors.Hosting;
using CallCluster.Host.Configuration;
using CallCluster.Host.Hosting;

namespace CallCluster.Host.Tests.Configuration;

public sealed class SettingsValidationTests
{
    private static string Problem(params string[] args)
    {
        var e = Assert.Throws<SettingsException>(() => SettingsReader.Read(ConfigurationSources.Build(null, new Hashtable(), args)));
        Assert.DoesNotContain('\n', e.Message);
        return e.Message;
    }

    [Theory]
    [InlineData("--Sip:Listen:0=udp:1.2.3", "Sip:Listen:0: 'udp:1.2.3' is not udp:IP:PORT or tcp:IP:PORT")]
    [InlineData("--Sip:Listen:0=udp:127.0.0.1", "Sip:Listen:0: 'udp:127.0.0.1' is not udp:IP:PORT or tcp:IP:PORT")]
    [InlineData("--Sip:Listen:0=sctp:127.0.0.1:5060", "Sip:Listen:0: 'sctp:127.0.0.1:5060' is not udp:IP:PORT or tcp:IP:PORT")]
    [InlineData("--Sip:Listen:0=udp:127.0.0.1:70000", "Sip:Listen:0: 'udp:127.0.0.1:70000' is not udp:IP:PORT or tcp:IP:PORT")]
    [InlineData("--Sip:Listen:0=udp:localhost:5060", "Sip:Listen:0: 'udp:localhost:5060' is not udp:IP:PORT or tcp:IP:PORT")]
    [InlineData("--Sip:Listen=udp:127.0.0.1:5060,tcp:nope", "Sip:Listen: 'tcp:nope' is not udp:IP:PORT or tcp:IP:PORT")]
    [InlineData("--Sip:Listen=udp:127.0.0.1:5060,udp:127.0.0.1:5060", "Sip:Listen: 'udp:127.0.0.1:5060' is listed twice")]
    [InlineData("--Sip:Domain=bad domain", "Sip:Domain: 'bad domain' is not a host name or IP address")]
    [InlineData("--Sip:AdvertisedAddress=sip.example.com:99999", "Sip:AdvertisedAddress: 'sip.example.com:99999' is not HOST or HOST:PORT")]
    [InlineData("--Node:Roles:0=router", "Node:Roles:0: 'router' is not one of gateway, session, media")]
    [InlineData("--Node:Roles=gateway,proxy", "Node:Roles: 'proxy' is not one of gateway, session, media")]
    [InlineData("--Http:Listen=127.0.0.1:8080", "Http:Listen: '127.0.0.1:8080' is not an http://HOST:PORT address")]
    [InlineData("--Http:Listen=http://127.0.0.1", "Http:Listen: 'http://127.0.0.1' is not an http://HOST:PORT address")]
    [InlineData("--Http:Listen=https://127.0.0.1:8443", "Http:Listen: 'https://127.0.0.1:8443' is not an http://HOST:PORT address")]
    [InlineData("--Persistence:Provider=mysql", "Persistence:Provider: 'mysql' is not one of sqlite, postgres")]
    [InlineData("--Persistence:ConnectionString=Nonsense=1", "Persistence:ConnectionString: not a SQLite connection string (Connection string keyword 'nonsense' is not supported. For a possible alternative, see https://go.microsoft.com/fwlink/?linkid=2142181.)")]
    [InlineData("--Persistence:ConnectionString=Cache=Shared", "Persistence:ConnectionString: the SQLite connection string has no Data Source")]
    [InlineData("--Persistence:Provider=postgres", "Persistence:ConnectionString: a PostgreSQL connection string (Host=...;Port=...;Username=...;Password=...;Database=...) is required when Persistence:Provider is postgres")]
    [InlineData("--Persistence:SqliteSynchronous=off", "Persistence:SqliteSynchronous: 'off' is not one of normal, full")]
    [InlineData("--Persistence:BatchWriter=sometimes", "Persistence:BatchWriter: 'sometimes' is not true or false")]
    [InlineData("--Cluster:Hostname=under_score!", "Cluster:Hostname: 'under_score!' is not a host name or IP address")]
    [InlineData("--Cluster:Port=-1", "Cluster:Port: '-1' is not a port number (0 to 65535)")]
    [InlineData("--Cluster:Port=65536", "Cluster:Port: '65536' is not a port number (0 to 65535)")]
    [InlineData("--Cluster:Seeds:0=akka.tcp://other@10.0.0.1:4053", "Cluster:Seeds:0: 'akka.tcp://other@10.0.0.1:4053' is not akka.tcp://callcluster@HOST:PORT")]
    [InlineData("--Cluster:Seeds=10.0.0.1:4053", "Cluster:Seeds: '10.0.0.1:4053' is not akka.tcp://callcluster@HOST:PORT")]
    [InlineData("--Cluster:DownCrashedNodes=maybe", "Cluster:DownCrashedNodes: 'maybe' is not true or false")]
    [InlineData("--Cluster:ExactStableAfter=1", "Cluster:ExactStableAfter: '1' is not true or false")]
    [InlineData("--Media:DeadMediaSeconds=0", "Media:DeadMediaSeconds: '0' is not a number of seconds (1 to 86400)")]
    [InlineData("--Media:DeadMediaSeconds=half", "Media:DeadMediaSeconds: 'half' is not a number of seconds (1 to 86400)")]
    [InlineData("--Media:DrainSeconds=21", "Media:DrainSeconds: '21' is not a number of seconds (0 to 20)")]
    [InlineData("--Cluster:HeartbeatPauseMs=400", "Cluster:HeartbeatPauseMs: '400' is not a number of milliseconds (500 to 60000)")]
    [InlineData("--Cluster:StableAfterMs=1.5s", "Cluster:StableAfterMs: '1.5s' is not a number of milliseconds (500 to 60000)")]
    [InlineData("--Media:DrainSeconds=-1", "Media:DrainSeconds: '-1' is not a number of seconds (0 to 20)")]
    [InlineData("--Media:MixerRealtimePriority=100", "Media:MixerRealtimePriority: '100' is not a real-time priority (0 to 99, 0 = off)")]
    [InlineData("--Media:MixerRealtimePriority=-1", "Media:MixerRealtimePriority: '-1' is not a real-time priority (0 to 99, 0 = off)")]
    [InlineData("--Media:RtpPortRange=20000", "Media:RtpPortRange: '20000' is not a port range FIRST-LAST within 1024-65535")]
    [InlineData("--Media:RtpPortRange=30000-20000", "Media:RtpPortRange: '30000-20000' must hold at least two ports (an RTP and RTCP pair)")]
    [InlineData("--Media:RtpPortRange=80-90", "Media:RtpPortRange: '80-90' is not a port range FIRST-LAST within 1024-65535")]
    [InlineData("--Media:AdvertisedAddress=not an address", "Media:AdvertisedAddress: 'not an address' is not a host name or IP address")]
    [InlineData("--Media:BindAddress=localhost", "Media:BindAddress: 'localhost' is not an IP address")]
    [InlineData("--Media:BindAddress=0.0.0.0", "Media:AdvertisedAddress: required when Media:BindAddress is 0.0.0.0 (the address terminals send RTP to)")]
    [InlineData("--Logging:Format=xml", "Logging:Format: 'xml' is not one of text, json")]
    [InlineData("--Node:Roles:x=session", "Node:Roles:x: list elements are indexed Node:Roles:0, Node:Roles:1, ...")]
    public void Each_bad_setting_is_named_with_what_is_wrong(string argument, string expected)
    {
        Assert.Equal(expected, Problem(argument));
    }

    [Theory]
    [InlineData("Sip:Listen:0=udp:127.0.0.1:5060", "'Sip:Listen:0=udp:127.0.0.1:5060' is not a setting; use --Section:Key=value")]
    [InlineData("--Http:Listen", "'--Http:Listen' has no value; use --Http:Listen=value")]
    [InlineData("--=x", "'--=x' is not a setting; use --Section:Key=value")]
    public void Malformed_arguments_are_rejected(string argument, string expected)
    {
        Assert.Equal(expected, Problem(argument));
    }

    [Fact]
    public void Good_values_of_every_kind_are_accepted()
    {
        var settings = SettingsReader.Read(ConfigurationSources.Build(null, new Hashtable(),
        [
            "--Sip:Listen:0=udp:[::1]:5070", "--Sip:Listen:1=tcp:0.0.0.0:5070", "--Sip:AdvertisedAddress=sip.example.com:5060",
            "--Sip:Domain=example.com", "--Cluster:Port=0", "--Media:RtpPortRange=40000-40001", "--Media:AdvertisedAddress=203.0.113.7", "--Media:BindAddress=0.0.0.0",
            "--Persistence:Provider=postgres", "--Persistence:ConnectionString=Host=127.0.0.1;Port=5433;Username=cc;Database=cc",
            "--Logging:Format=JSON", "--Node:Roles=Session", "--Cluster:DownCrashedNodes=False", "--Cluster:ExactStableAfter=false", "--Media:MixerRealtimePriority=20", "--Media:DeadMediaSeconds=12",
            "--Media:DrainSeconds=0", "--Cluster:HeartbeatPauseMs=1000", "--Cluster:StableAfterMs=800", "--Persistence:SqliteSynchronous=FULL",
            "--Persistence:BatchWriter=false",
        ]));

        Assert.Equal(["udp:[::1]:5070", "tcp:0.0.0.0:5070"], settings.Sip.Listen.Select(l => l.ToString()));
        Assert.Equal("sip.example.com:5060", settings.Sip.AdvertisedAddress);
        Assert.Equal(0, settings.Cluster.Port);
        Assert.False(settings.Cluster.DownCrashedNodes);
        Assert.False(settings.ToNodeSettings().ExactStableAfter);
        Assert.Equal((TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(800)), (settings.ToNodeSettings().HeartbeatPause, settings.ToNodeSettings().StableAfter));
        Assert.Equal(20, settings.Media.MixerRealtimePriority);
        Assert.Equal(TimeSpan.FromSeconds(12), settings.ToMediaSettings().DeadMediaTimeout);
        Assert.Equal(TimeSpan.Zero, settings.ToMediaSettings().DrainTimeout);
        Assert.Equal((40000, 40001), (settings.Media.RtpPortMin, settings.Media.RtpPortMax));
        Assert.Equal(("0.0.0.0", "203.0.113.7"), (settings.Media.BindAddress, settings.Media.AdvertisedAddress));
        Assert.Equal("postgres", settings.Persistence.Provider);
        Assert.Equal(SqliteSynchronous.Full, settings.ToNodeSettings().Persistence.SqliteSynchronous);
        Assert.False(settings.ToNodeSettings().Persistence.BatchWriter);
        Assert.Equal("json", settings.Logging.Format);
        Assert.Equal(["session"], settings.Node.Roles);
    }

    [Fact]
    public void Crash_downing_and_exact_stable_after_are_on_unless_turned_off()
    {
        var settings = SettingsReader.Read(ConfigurationSources.Build(null, new Hashtable(), []));
        Assert.True(settings.Cluster.DownCrashedNodes);
        Assert.True(settings.ToNodeSettings().ExactStableAfter);
    }

    [Fact]
    public void A_stopping_media_node_drains_for_up_to_ten_seconds_by_default()
    {
        Assert.Equal(TimeSpan.FromSeconds(10), SettingsReader.Read(ConfigurationSources.Build(null, new Hashtable(), [])).ToMediaSettings().DrainTimeout);
    }
}
