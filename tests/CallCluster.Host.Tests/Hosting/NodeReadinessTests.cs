using Akka.Actor;
using Akka.Cluster;
using Akka.Configuration;
using CallCluster.Actors.Health;
using CallCluster.Actors.Hosting;
using CallCluster.Actors.Persistence;
using CallCluster.Host.Hosting;
using CallCluster.Host.Tests.Process;

namespace CallCluster.Host.Tests.Hosting;

/// <summary>
/// /readyz on a one-member cluster with a SQLite file journal: a session node is not ready until
/// its journal warm-up has finished; a node without the session role does not wait for one.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class NodeReadinessTests : IDisposable
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(20);
    private readonly string _folder = Directory.CreateTempSubdirectory("cc-readiness-").FullName;

    [Fact]
    public async Task A_session_node_is_ready_only_once_its_journal_warm_up_has_finished()
    {
        var (system, readiness) = await StartAsync("session");
        try
        {
            Assert.Equal("journal warm-up has not finished", await readiness.ProblemAsync(CancellationToken.None));

            var warmup = system.ActorOf(JournalWarmup.Props(), "journal-warmup");
            Assert.True(await warmup.WatchAsync().WaitAsync(Within), "the warm-up stops once recovered");

            Assert.Null(await readiness.ProblemAsync(CancellationToken.None));
        }
        finally
        {
            await system.Terminate().WaitAsync(Within);
        }
    }

    [Fact]
    public async Task A_node_without_the_session_role_does_not_wait_for_a_warm_up()
    {
        var (system, readiness) = await StartAsync("gateway");
        try
        {
            Assert.Null(await readiness.ProblemAsync(CancellationToken.None));
        }
        finally
        {
            await system.Terminate().WaitAsync(Within);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<(ActorSystem System, NodeReadiness Readiness)> StartAsync(string role)
    {
        var persistence = new PersistenceSettings
        {
            Provider = PersistenceSettings.Sqlite,
            ConnectionString = $"Data Source={Path.Combine(_folder, role + ".db")}",
        };
        var database = new Database(persistence);
        database.Prepare();
        var config = ConfigurationFactory.ParseString($$"""
            akka.actor.provider = cluster
            akka.remote.dot-netty.tcp { hostname = "127.0.0.1", port = 0 }
            akka.cluster.roles = [{{role}}]
            {{CallClusterConfig.PersistenceHocon(persistence)}}
            """).WithFallback(Akka.Persistence.Sql.SqlPersistence.DefaultConfiguration);
        // A name of its own: node processes of other tests (system "callcluster") keep gossiping to the
        // loopback ports of nodes they restarted, and a port handed out again must not hear them.
        var system = ActorSystem.Create("readiness-" + role, config);
        var cluster = Cluster.Get(system);
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cluster.RegisterOnMemberUp(() => up.TrySetResult());
        cluster.Join(cluster.SelfAddress);
        await up.Task.WaitAsync(Within);
        // The member-up callback comes from the cluster daemon; the read view behind SelfMember is
        // updated by its own subscriber a moment later, and shows the placeholder status Removed until then.
        var deadline = DateTimeOffset.UtcNow + Within;
        while (cluster.SelfMember.Status != MemberStatus.Up && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.Equal(MemberStatus.Up, cluster.SelfMember.Status);
        var readiness = new NodeReadiness(new JournalProbe(database));
        readiness.Attach(system);
        return (system, readiness);
    }
}
