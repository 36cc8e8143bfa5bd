using System.Net;

namespace CallCluster.Host.Tests.Process;

/// <summary>
/// The life of one node against a given journal: start with a provisioning file, become ready,
/// serve metrics and the directory API, stop on SIGTERM, start again and find everything.
/// </summary>
public static class NodeScenario
{
    public static readonly string[] MetricNames =
    [
        "callcluster_sessions_active",
        "callcluster_sessions_total",
        "callcluster_journal_write_seconds",
        "callcluster_sip_messages_in_total",
        "callcluster_sip_messages_out_total",
    ];

    private const string TrunkEntry =
        """, "trunks": [ { "name": "carrier", "address": "127.0.0.2:5060", "trustedSources": ["127.0.0.2"], "prefixes": ["+44"] } ]""";

    public static string ProvisioningJson(bool withTrunk) => $$"""
        {
          "domain": "home.test",
          "subscribers": [
            { "user": "alice", "password": "alice-pw", "kind": "mobile" },
            { "user": "tv-alice", "password": "tv-pw", "kind": "local-terminal" }
          ],
          "households": [ { "id": "alice-home", "mobiles": ["alice"], "localTerminals": ["tv-alice"] } ]
          {{(withTrunk ? TrunkEntry : "")}}
        }
        """;

    public static async Task RunAsync(string folder, string connectionString, params string[] settings)
    {
        var file = Path.Combine(folder, "provision.json");
        await File.WriteAllTextAsync(file, ProvisioningJson(withTrunk: true));

        using (var node = NodeProcess.Start(folder, connectionString, [.. settings, $"--Provisioning:File={file}"]))
        {
            await node.WaitUntilReadyAsync();
            Assert.Equal(HttpStatusCode.OK, (await node.SendAsync(HttpMethod.Get, "/healthz")).Status);

            var (metricsStatus, metrics) = await node.SendAsync(HttpMethod.Get, "/metrics");
            Assert.Equal(HttpStatusCode.OK, metricsStatus);
            Assert.All(MetricNames, name => Assert.Contains($"# TYPE {name} ", metrics));

            await ProvisionOverHttpAsync(node);

            Assert.Equal(0, await node.TerminateAsync());
        }

        // Start again with the same file minus the trunk: the file's entries are upserted again
        // (idempotent), and what is not in it (the trunk, bob) comes from the journal.
        var withoutTrunks = Path.Combine(folder, "provision-again.json");
        await File.WriteAllTextAsync(withoutTrunks, ProvisioningJson(withTrunk: false));
        using (var restarted = NodeProcess.Start(folder, connectionString, [.. settings, $"--Provisioning:File={withoutTrunks}"]))
        {
            await restarted.WaitUntilReadyAsync();
            foreach (var path in new[] { "/api/v1/subscribers/alice", "/api/v1/subscribers/bob", "/api/v1/households/alice-home", "/api/v1/trunks/carrier" })
            {
                var (status, body) = await restarted.SendAsync(HttpMethod.Get, path);
                Assert.True(status == HttpStatusCode.OK, $"GET {path} after restart: {(int)status} {body}");
            }
            var (_, bob) = await restarted.SendAsync(HttpMethod.Get, "/api/v1/subscribers/bob");
            Assert.Contains("\"kind\":\"other\"", bob);
            Assert.DoesNotContain("bob-pw", bob);
            Assert.Equal(0, await restarted.TerminateAsync());
        }
    }

    private static async Task ProvisionOverHttpAsync(NodeProcess node)
    {
        const string bob = """{ "user": "bob", "password": "bob-pw", "kind": "other" }""";
        var created = await node.SendAsync(HttpMethod.Post, "/api/v1/subscribers", bob);
        Assert.True(created.Status == HttpStatusCode.Created, $"create: {(int)created.Status} {created.Body}");

        var again = await node.SendAsync(HttpMethod.Put, "/api/v1/subscribers/bob", bob);
        Assert.True(again.Status == HttpStatusCode.OK, $"update: {(int)again.Status} {again.Body}");

        var malformed = await node.SendAsync(HttpMethod.Post, "/api/v1/subscribers", """{ "user": "carol", """);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);
        Assert.Contains("\"error\":\"invalid JSON", malformed.Body);

        var badKind = await node.SendAsync(HttpMethod.Post, "/api/v1/subscribers", """{ "user": "carol", "password": "x", "kind": "fridge" }""");
        Assert.Equal(HttpStatusCode.BadRequest, badKind.Status);
        Assert.Contains("kind 'fridge'", badKind.Body);

        var inHousehold = await node.SendAsync(HttpMethod.Delete, "/api/v1/subscribers/alice");
        Assert.Equal(HttpStatusCode.Conflict, inHousehold.Status);
        Assert.Contains("alice-home", inHousehold.Body);

        var mismatch = await node.SendAsync(HttpMethod.Put, "/api/v1/subscribers/carol", bob);
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.Status);
        Assert.Contains("the body names 'bob' but the URL names 'carol'", mismatch.Body);

        var unknownField = await node.SendAsync(HttpMethod.Post, "/api/v1/subscribers", """{ "user": "carol", "kind": "other", "pwd": "x" }""");
        Assert.Equal(HttpStatusCode.BadRequest, unknownField.Status);
        Assert.Contains("pwd", unknownField.Body);

        var empty = await node.SendAsync(HttpMethod.Post, "/api/v1/households", "");
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);

        var household = await node.SendAsync(HttpMethod.Get, "/api/v1/households/alice-home");
        Assert.Equal(HttpStatusCode.OK, household.Status);
        Assert.Contains("\"localTerminals\":[\"tv-alice\"]", household.Body);

        const string transit = """{ "name": "transit", "address": "127.0.0.3:5060", "trustedSources": ["127.0.0.3"], "prefixes": ["+33"] }""";
        Assert.Equal(HttpStatusCode.Created, (await node.SendAsync(HttpMethod.Put, "/api/v1/trunks/transit", transit)).Status);
        Assert.Contains("\"media\":\"anchor\"", (await node.SendAsync(HttpMethod.Get, "/api/v1/trunks/transit")).Body);
        var bypass = transit.Replace("\"prefixes\"", "\"media\": \"bypass\", \"prefixes\"");
        Assert.Equal(HttpStatusCode.OK, (await node.SendAsync(HttpMethod.Put, "/api/v1/trunks/transit", bypass)).Status);
        Assert.Contains("\"media\":\"bypass\"", (await node.SendAsync(HttpMethod.Get, "/api/v1/trunks/transit")).Body);
        var badMedia = await node.SendAsync(HttpMethod.Put, "/api/v1/trunks/transit", transit.Replace("\"prefixes\"", "\"media\": \"direct\", \"prefixes\""));
        Assert.Equal(HttpStatusCode.BadRequest, badMedia.Status);
        Assert.Contains("media 'direct' is not one of anchor, bypass", badMedia.Body);
        Assert.Equal(HttpStatusCode.NoContent, (await node.SendAsync(HttpMethod.Delete, "/api/v1/trunks/transit")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await node.SendAsync(HttpMethod.Get, "/api/v1/trunks/transit")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await node.SendAsync(HttpMethod.Delete, "/api/v1/trunks/transit")).Status);

        var missing = await node.SendAsync(HttpMethod.Get, "/api/v1/trunks/nowhere");
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);

        var list = await node.SendAsync(HttpMethod.Get, "/api/v1/subscribers");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Contains("\"user\":\"bob\"", list.Body);
        Assert.Contains("\"realm\":\"home.test\"", list.Body);

        var homeCall = await node.SendAsync(HttpMethod.Post, "/api/v1/home-calls", """{ "mobile": "alice" }""");
        Assert.Equal(HttpStatusCode.BadRequest, homeCall.Status);
        Assert.Contains("localTerminal", homeCall.Body);

        var unbound = await node.SendAsync(HttpMethod.Post, "/api/v1/home-calls", """{ "mobile": "alice", "localTerminal": "bob", "remote": "sip:carol@example.com" }""");
        Assert.Equal(HttpStatusCode.BadRequest, unbound.Status);
        Assert.Contains("'bob' is not a local terminal bound to mobile 'alice'", unbound.Body);

        var notMobile = await node.SendAsync(HttpMethod.Post, "/api/v1/home-calls", """{ "mobile": "bob", "localTerminal": "tv-alice", "remote": "carol" }""");
        Assert.Equal(HttpStatusCode.BadRequest, notMobile.Status);
        Assert.Contains("not a mobile", notMobile.Body);

        var cdrs = await node.SendAsync(HttpMethod.Get, "/api/v1/cdrs?limit=10");
        Assert.True(cdrs.Status == HttpStatusCode.OK, $"cdrs: {(int)cdrs.Status} {cdrs.Body}");
        Assert.Contains("\"count\":0", cdrs.Body);

        var badLimit = await node.SendAsync(HttpMethod.Get, "/api/v1/cdrs?limit=0");
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.Status);
    }
}
