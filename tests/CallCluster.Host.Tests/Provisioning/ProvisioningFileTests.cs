using CallCluster.Host.Configuration;
using CallCluster.Host.Provisioning;

namespace CallCluster.Host.Tests.Provisioning;

public sealed class ProvisioningFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cc-prov-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string json)
    {
        var path = Path.Combine(_folder, "provision.json");
        File.WriteAllText(path, json);
        return path;
    }

    private string Problem(string json)
    {
        var path = Write(json);
        var e = Assert.Throws<SettingsException>(() => ProvisioningFile.Load(path));
        Assert.StartsWith($"Provisioning:File: '{path}': ", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        return e.Message[$"Provisioning:File: '{path}': ".Length..];
    }

    [Fact]
    public void The_example_file_loads()
    {
        var example = Path.Combine(RepositoryPaths.Root(), "Host", "provision.example.json");

        var document = ProvisioningFile.Load(example);

        Assert.Equal("callcluster.local", document.Domain);
        Assert.Contains(document.Subscribers!, s => s is { User: "alice", Kind: "mobile" });
        Assert.Equal(["tv-alice"], document.Households!.Single().LocalTerminals);
        Assert.Equal(["127.0.0.2"], document.Trunks!.Single().TrustedSources);
    }

    [Theory]
    [InlineData("""{ "subscribers": [ { "user": "a", "kind": "mobile" """, "invalid JSON at $.subscribers[0]")]
    [InlineData("""{ "subscriber": [] }""", "invalid JSON at $.subscriber: The JSON property 'subscriber' could not be mapped")]
    [InlineData("""{ "subscribers": [ { "kind": "mobile" } ] }""", "invalid JSON at $.subscribers[0]")]
    [InlineData("""{ "subscribers": [ { "user": "a", "kind": "tv" } ] }""", "subscribers[0]: kind 'tv' is not one of mobile, local-terminal, other")]
    [InlineData("""{ "subscribers": [ { "user": "a b", "kind": "other" } ] }""", "subscribers[0]: user 'a b' contains ' '")]
    [InlineData("""{ "subscribers": [ { "user": "a", "kind": "other" }, { "user": "a", "kind": "mobile" } ] }""", "subscribers[1]: 'a' appears twice")]
    [InlineData("""{ "households": [ { "id": "h", "mobiles": [], "localTerminals": ["tv"] } ] }""", "households[0]: mobiles is empty")]
    [InlineData("""{ "trunks": [ { "name": "t", "address": "", "trustedSources": ["127.0.0.2"], "prefixes": [] } ] }""", "trunks[0]: address is empty")]
    [InlineData("""{ "trunks": [ { "name": "t", "address": "127.0.0.2:5060", "trustedSources": ["127.0.0.2"], "prefixes": [], "media": "direct" } ] }""", "trunks[0]: media 'direct' is not one of anchor, bypass")]
    [InlineData("""{ "domain": "not a domain" }""", "domain 'not a domain' is not a host name")]
    [InlineData("[]", "invalid JSON at $")]
    public void A_malformed_file_is_named_with_its_problem(string json, string expectedStart)
    {
        Assert.StartsWith(expectedStart, Problem(json));
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var path = Path.Combine(_folder, "absent.json");

        var e = Assert.Throws<SettingsException>(() => ProvisioningFile.Load(path));

        Assert.Equal($"Provisioning:File: '{path}' does not exist", e.Message);
    }
}
