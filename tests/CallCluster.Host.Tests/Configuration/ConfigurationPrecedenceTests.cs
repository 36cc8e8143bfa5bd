using System.Collections;
using CallCluster.Host.Configuration;

namespace CallCluster.Host.Tests.Configuration;

public sealed class ConfigurationPrecedenceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cc-config-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private CallClusterSettings Read(string? json, IDictionary? environment = null, params string[] args)
    {
        if (json is not null)
        {
            File.WriteAllText(Path.Combine(_folder, ConfigurationSources.SettingsFileName), json);
        }
        var configuration = ConfigurationSources.Build(_folder, environment ?? new Hashtable(), args);
        return SettingsReader.Read(configuration);
    }

    [Fact]
    public void No_settings_at_all_give_a_one_node_cluster_with_all_roles_on_sqlite()
    {
        var settings = Read(json: null);

        Assert.Equal(["gateway", "session", "media"], settings.Node.Roles);
        Assert.Equal(["udp:127.0.0.1:5060", "tcp:127.0.0.1:5060"], settings.Sip.Listen.Select(l => l.ToString()));
        Assert.Equal(new Uri("http://127.0.0.1:8080"), settings.Http.Listen);
        Assert.Equal("sqlite", settings.Persistence.Provider);
        Assert.Equal("Data Source=./data/callcluster.db", settings.Persistence.ConnectionString);
        Assert.Equal("127.0.0.1", settings.Cluster.Hostname);
        Assert.Equal(4053, settings.Cluster.Port);
        Assert.Empty(settings.Cluster.Seeds);
        Assert.Equal((20000, 29999), (settings.Media.RtpPortMin, settings.Media.RtpPortMax));
        Assert.Equal("127.0.0.1", settings.Media.BindAddress);
        Assert.Equal("callcluster.local", settings.Sip.Domain);
        Assert.Null(settings.Provisioning.File);
        Assert.Equal("text", settings.Logging.Format);
    }

    [Fact]
    public void The_shipped_appsettings_file_reads_as_the_defaults()
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, ConfigurationSources.SettingsFileName);
        Assert.True(File.Exists(shipped), $"{shipped} is not copied to the output");

        Assert.Equal(Read(json: null), SettingsReader.Read(ConfigurationSources.Build(AppContext.BaseDirectory, new Hashtable(), [])), new SettingsComparer());
    }

    [Fact]
    public void Environment_overrides_json_and_arguments_override_environment()
    {
        const string json = """{ "Http": { "Listen": "http://127.0.0.1:1001" }, "Cluster": { "Port": 1001, "Hostname": "10.0.0.1" }, "Logging": { "Format": "json" } }""";
        var environment = new Hashtable
        {
            ["CALLCLUSTER_Http__Listen"] = "http://127.0.0.1:2002",
            ["CALLCLUSTER_Cluster__Port"] = "2002",
            ["OTHER_Cluster__Hostname"] = "10.9.9.9",
        };

        var settings = Read(json, environment, "--Http:Listen=http://127.0.0.1:3003");

        Assert.Equal(new Uri("http://127.0.0.1:3003"), settings.Http.Listen);
        Assert.Equal(2002, settings.Cluster.Port);
        Assert.Equal("10.0.0.1", settings.Cluster.Hostname);
        Assert.Equal("json", settings.Logging.Format);
    }

    [Fact]
    public void Environment_variable_prefix_is_case_insensitive_and_double_underscore_nests()
    {
        var settings = Read(null, new Hashtable { ["callcluster_Persistence__Provider"] = "postgres", ["CALLCLUSTER_Persistence__ConnectionString"] = "Host=127.0.0.1;Port=5432;Username=cc" });

        Assert.Equal("postgres", settings.Persistence.Provider);
        Assert.Equal("Host=127.0.0.1;Port=5432;Username=cc", settings.Persistence.ConnectionString);
    }

    [Fact]
    public void An_indexed_list_replaces_the_comma_separated_default_entirely()
    {
        const string json = """{ "Sip": { "Listen": "udp:127.0.0.1:5060,tcp:127.0.0.1:5060" }, "Node": { "Roles": "gateway,session,media" } }""";

        var settings = Read(json, null, "--Sip:Listen:0=udp:127.0.0.1:7000", "--Node:Roles:0=session");

        Assert.Equal(["udp:127.0.0.1:7000"], settings.Sip.Listen.Select(l => l.ToString()));
        Assert.Equal(["session"], settings.Node.Roles);
    }

    [Fact]
    public void A_comma_separated_list_from_the_environment_overrides_the_json_value()
    {
        var settings = Read("""{ "Node": { "Roles": "gateway,session,media" } }""", new Hashtable { ["CALLCLUSTER_Node__Roles"] = "media, gateway" });

        Assert.Equal(["media", "gateway"], settings.Node.Roles);
    }

    [Fact]
    public void Arguments_accept_the_separate_value_form_and_seeds_lists()
    {
        var settings = Read(null, null,
            "--Persistence:ConnectionString", "Data Source=/tmp/x.db",
            "--Cluster:Seeds:0=akka.tcp://callcluster@10.0.0.1:4053",
            "--Cluster:Seeds:1=akka.tcp://callcluster@node-2.local:4053");

        Assert.Equal("Data Source=/tmp/x.db", settings.Persistence.ConnectionString);
        Assert.Equal(["akka.tcp://callcluster@10.0.0.1:4053", "akka.tcp://callcluster@node-2.local:4053"], settings.Cluster.Seeds);
    }

    /// <summary>Compares settings by value, lists included.</summary>
    private sealed class SettingsComparer : IEqualityComparer<CallClusterSettings>
    {
        public bool Equals(CallClusterSettings? x, CallClusterSettings? y) => Describe(x) == Describe(y);

        public int GetHashCode(CallClusterSettings obj) => Describe(obj).GetHashCode(StringComparison.Ordinal);

        private static string Describe(CallClusterSettings? s) => s is null ? "" : string.Join("|",
            string.Join(",", s.Node.Roles), string.Join(",", s.Sip.Listen), s.Sip.Domain, s.Sip.AdvertisedAddress, s.Http.Listen,
            s.Persistence, string.Join(",", s.Cluster.Seeds), s.Cluster.Hostname, s.Cluster.Port, s.Media, s.Provisioning, s.Logging);
    }
}
