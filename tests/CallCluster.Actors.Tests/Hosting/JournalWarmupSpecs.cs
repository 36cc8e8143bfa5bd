using Akka.Actor;
using Akka.Persistence;
using CallCluster.Actors.Hosting;
using CallCluster.Actors.Tests.Support;

namespace CallCluster.Actors.Tests.Hosting;

/// <summary>The start-up warm-up on the production SQL journal (a SQLite file): it recovers, writes nothing, reports itself finished and stops.</summary>
public sealed class JournalWarmupSpecs : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task The_warm_up_recovers_on_the_sql_journal_and_stops_without_writing_an_event()
    {
        var system = ActorSystem.Create("callcluster", TestConfigs.Sqlite(_folder.SqliteConnectionString()));
        try
        {
            var warmup = system.ActorOf(JournalWarmup.Props(), "journal-warmup");
            var stopped = await warmup.WatchAsync().WaitAsync(Timeout);
            Assert.True(stopped, "the warm-up actor stops once recovered");
            Assert.True(JournalWarmupStatus.Get(system).IsFinished, "the warm-up reports itself finished (readiness waits for it)");

            var journal = Akka.Persistence.Persistence.Instance.Apply(system).JournalFor(null);
            var highest = await journal.Ask<RecoverySuccess>(
                replyTo => new ReplayMessages(0, long.MaxValue, long.MaxValue, JournalWarmup.Id, replyTo), Timeout, CancellationToken.None);
            Assert.Equal(0, highest.HighestSequenceNr);
        }
        finally
        {
            await system.Terminate().WaitAsync(Timeout);
        }
    }

    public void Dispose() => _folder.Dispose();
}
