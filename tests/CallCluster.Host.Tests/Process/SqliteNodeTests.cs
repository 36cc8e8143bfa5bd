using System.Net;
using System.Text.Json;

namespace CallCluster.Host.Tests.Process;

[Collection(ProcessCollection.Name)]
public sealed class SqliteNodeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cc-node-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_sqlite_node_is_ready_serves_its_api_stops_on_sigterm_and_keeps_provisioning_across_a_restart()
    {
        await NodeScenario.RunAsync(_folder, $"Data Source={Path.Combine(_folder, "cc.db")}");

        Assert.True(File.Exists(Path.Combine(_folder, "cc.db")));
    }

    [Fact]
    public async Task With_the_default_connection_string_and_json_logs_the_node_writes_its_database_under_data_and_logs_json_lines()
    {
        using var node = NodeProcess.Start(_folder, "Data Source=./data/callcluster.db", "--Logging:Format=json");

        await node.WaitUntilReadyAsync();

        Assert.True(File.Exists(Path.Combine(_folder, "data", "callcluster.db")), node.Output());
        var lines = node.Process.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.Equal(System.Text.Json.JsonValueKind.Object, System.Text.Json.JsonDocument.Parse(line).RootElement.ValueKind));
        Assert.Equal(0, await node.TerminateAsync());
    }

    [Fact]
    public async Task A_click_to_call_is_accepted_with_a_session_id_and_the_session_shows_its_three_legs()
    {
        var file = Path.Combine(_folder, "provision.json");
        await File.WriteAllTextAsync(file, NodeScenario.ProvisioningJson(withTrunk: false));
        using var node = NodeProcess.Start(_folder, $"Data Source={Path.Combine(_folder, "cc.db")}", $"--Provisioning:File={file}");
        await node.WaitUntilReadyAsync();

        var (status, body) = await node.SendAsync(HttpMethod.Post, "/api/v1/home-calls", """{ "mobile": "alice", "localTerminal": "tv-alice", "remote": "sip:carol@example.com" }""");

        Assert.True(status == HttpStatusCode.Accepted, $"{(int)status} {body}");
        var id = JsonDocument.Parse(body).RootElement.GetProperty("sessionId").GetString()!;
        var (viewStatus, view) = await node.SendAsync(HttpMethod.Get, $"/api/v1/sessions/{id}");
        Assert.True(viewStatus == HttpStatusCode.OK, $"{(int)viewStatus} {view}");
        var session = JsonDocument.Parse(view).RootElement;
        Assert.Equal("click-to-call", session.GetProperty("kind").GetString());
        Assert.Equal(
            ["sip:alice@home.test", "sip:tv-alice@home.test", "sip:carol@example.com"],
            session.GetProperty("legs").EnumerateArray().Select(l => l.GetProperty("peer").GetString()));
        // alice (the mobile, called first) is not registered: the call fails with 480 and the session
        // may end within milliseconds. Listed while it runs; once ended, it has left its CDR instead.
        var (_, list) = await node.SendAsync(HttpMethod.Get, "/api/v1/sessions");
        if (!list.Contains(id, StringComparison.Ordinal))
        {
            var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(20);
            var cdrs = "";
            while (!cdrs.Contains(id, StringComparison.Ordinal) && DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(100);
                (_, cdrs) = await node.SendAsync(HttpMethod.Get, "/api/v1/cdrs");
            }

            Assert.True(cdrs.Contains(id, StringComparison.Ordinal), $"session {id} neither listed ({list}) nor ended with a CDR ({cdrs})");
        }
        Assert.Equal(HttpStatusCode.NotFound, (await node.SendAsync(HttpMethod.Get, "/api/v1/sessions/no-such-session")).Status);
        Assert.Equal(0, await node.TerminateAsync());
    }
}
