using CallCluster.Actors.Hosting;

namespace CallCluster.Actors.Tests.Hosting;

public sealed class NodeSettingsValidationTests
{
    [Fact]
    public void Defaults_are_valid_and_run_every_role_on_sqlite()
    {
        var settings = new NodeSettings();
        Assert.Empty(settings.Validate());
        Assert.Equal(["gateway", "media", "session"], settings.Roles.Order());
        Assert.Equal("callcluster", settings.SystemName);
        Assert.True(settings.Persistence.IsSqlite);
        Assert.Equal("Data Source=./data/callcluster.db", settings.Persistence.ConnectionString);
    }

    [Theory]
    [InlineData("Node:Roles", "unknown role 'router'")]
    public void Unknown_role_is_named(string setting, string text)
    {
        var problems = new NodeSettings { Roles = new HashSet<string> { "gateway", "router" } }.Validate();
        var line = Assert.Single(problems);
        Assert.StartsWith(setting + ":", line, StringComparison.Ordinal);
        Assert.Contains(text, line, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_problem_is_one_line_naming_its_setting()
    {
        var settings = new NodeSettings
        {
            Roles = new HashSet<string>(),
            ClusterHostname = " ",
            ClusterPort = 70000,
            Seeds = ["akka.tcp://callcluster@10.0.0.1:4053", "not an address", "akka.tcp://other@10.0.0.2:4053"],
            Persistence = new PersistenceSettings { Provider = "mysql", ConnectionString = "" },
        };

        var problems = settings.Validate();
        Assert.All(problems, p => Assert.DoesNotContain('\n', p));
        Assert.Contains(problems, p => p.StartsWith("Node:Roles:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Cluster:Hostname:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Cluster:Port: 70000", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Cluster:Seeds:1:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Cluster:Seeds:2:", StringComparison.Ordinal) && p.Contains("'other'", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.StartsWith("Cluster:Seeds:0:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Persistence:Provider: 'mysql'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Persistence:ConnectionString:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("sqlite", "Mode=Bogus")]
    [InlineData("postgres", "Host=")]
    [InlineData("postgres", "Nonsense Key=1")]
    public void Unusable_connection_strings_are_reported(string provider, string connection)
    {
        var problems = new NodeSettings { Persistence = new PersistenceSettings { Provider = provider, ConnectionString = connection } }.Validate();
        Assert.StartsWith("Persistence:ConnectionString:", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Sqlite_connection_is_made_absolute_with_a_short_busy_timeout()
    {
        var normalized = ConnectionStrings.NormalizeSqlite("Data Source=./data/x.db");
        Assert.Contains(Path.GetFullPath("./data/x.db"), normalized, StringComparison.Ordinal);
        Assert.Contains("Default Timeout=5", normalized, StringComparison.Ordinal);
        Assert.Contains("Default Timeout=2", ConnectionStrings.NormalizeSqlite("Data Source=x.db;Default Timeout=2"), StringComparison.Ordinal);
        Assert.Equal(Path.GetFullPath("./data"), ConnectionStrings.SqliteFolder("Data Source=./data/x.db"));
        Assert.Null(ConnectionStrings.SqliteFolder("Data Source=:memory:"));
    }
}
