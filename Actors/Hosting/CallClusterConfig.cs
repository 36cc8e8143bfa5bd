using System.Globalization;
using Akka.Configuration;

namespace CallCluster.Actors.Hosting;

/// <summary>
/// The HOCON a node runs with, on top of Akka's and Akka.Persistence.Sql's defaults. The values and
/// the reasons for them are in <c>Actors/Hosting/README.md</c>.
/// </summary>
public static class CallClusterConfig
{
    public const string JournalPluginId = "akka.persistence.journal.sql";
    public const string SnapshotPluginId = "akka.persistence.snapshot-store.sql";

    /// <summary>The journal actor: Akka.Persistence.Sql's, told which ids are new (<see cref="Persistence.CallClusterJournal"/>).</summary>
    public const string JournalClass = "CallCluster.Actors.Persistence.CallClusterJournal, CallCluster.Actors";

    /// <summary>Provider names understood by Akka.Persistence.Sql (LinqToDB).</summary>
    public const string SqliteProviderName = "SQLite.MS";
    public const string PostgresProviderName = "PostgreSQL.15";

    /// <summary>Failure detection, split brain resolver and sharding settings for fast failover.</summary>
    public const string ClusterHocon = """
        akka.cluster {
          failure-detector {
            heartbeat-interval = 250ms
            acceptable-heartbeat-pause = 1s
            expected-response-after = 500ms
          }
          unreachable-nodes-reaper-interval = 100ms
          gossip-interval = 100ms
          leader-actions-interval = 100ms
          downing-provider-class = "Akka.Cluster.SBR.SplitBrainResolverProvider, Akka.Cluster"
          split-brain-resolver {
            active-strategy = keep-majority
            stable-after = 1s
            down-all-when-unstable = on
          }
          down-removal-margin = 250ms
          sharding {
            remember-entities = on
            state-store-mode = ddata
            remember-entities-store = eventsourced
            retry-interval = 100ms
            entity-restart-backoff = 2s
            shard-failure-backoff = 2s
            coordinator-failure-backoff = 2s
            journal-plugin-id = "akka.persistence.journal.sql"
            snapshot-plugin-id = "akka.persistence.snapshot-store.sql"
          }
        }
        akka.coordinated-shutdown.exit-clr = off
        # A stopping media node keeps relaying until its calls have moved (Media:DrainSeconds, at most 20).
        akka.coordinated-shutdown.phases.before-actor-system-terminate.timeout = 21s
        """;

    public static Config Build(NodeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return ConfigurationFactory.ParseString(PersistenceHocon(settings.Persistence) + "\n" + ClusterHocon + "\n" + FailoverHocon(settings));
    }

    /// <summary>The two waits an operator may tune (<see cref="NodeSettings.HeartbeatPause"/>, <see cref="NodeSettings.StableAfter"/>); they override <see cref="ClusterHocon"/>.</summary>
    public static string FailoverHocon(NodeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return string.Create(CultureInfo.InvariantCulture, $$"""
            akka.cluster.failure-detector.acceptable-heartbeat-pause = {{(long)settings.HeartbeatPause.TotalMilliseconds}}ms
            akka.cluster.split-brain-resolver.stable-after = {{(long)settings.StableAfter.TotalMilliseconds}}ms
            """);
    }

    /// <summary>Journal and snapshot store on Akka.Persistence.Sql; batching chosen per provider.</summary>
    public static string PersistenceHocon(PersistenceSettings persistence)
    {
        ArgumentNullException.ThrowIfNull(persistence);
        var sqlite = persistence.IsSqlite;
        var connection = Quote(sqlite ? ConnectionStrings.NormalizeSqlite(persistence.ConnectionString) : persistence.ConnectionString);
        var provider = sqlite ? SqliteProviderName : PostgresProviderName;
        var parallelism = sqlite ? 1 : 4;
        // SQLite: Microsoft.Data.Sqlite opens every transaction that is not read-uncommitted with
        // BEGIN IMMEDIATE, which takes the single write lock; reads (recovery of every new session)
        // would then queue behind writes and retry after 150 ms sleeps. Deferred read transactions
        // see a consistent snapshot under write-ahead logging.
        var readIsolation = sqlite ? "read-uncommitted" : "unspecified";
        return string.Create(CultureInfo.InvariantCulture, $$"""
            akka.persistence {
              journal {
                plugin = "{{JournalPluginId}}"
                sql {
                  class = "{{JournalClass}}"
                  connection-string = {{connection}}
                  provider-name = "{{provider}}"
                  table-mapping = default
                  auto-initialize = on
                  initialization-retry-delay = 1s
                  tag-write-mode = TagTable
                  buffer-size = 5000
                  batch-size = 100
                  db-round-trip-max-batch-size = 1000
                  replay-batch-size = 1000
                  parallelism = {{parallelism}}
                  read-isolation-level = {{readIsolation}}
                  prefer-parameters-on-multirow-insert = true
                  tagtable-asqueryable-insert-mode = parameterized
                  callcluster {
                    batch-writer = {{(persistence.BatchWriter ? "on" : "off")}}
                    sqlite-pragmas = {{Quote(sqlite ? Persistence.JournalConnections.SqliteConnectionPragmas(persistence.SqliteSynchronous) : "")}}
                  }
                }
              }
              snapshot-store {
                plugin = "{{SnapshotPluginId}}"
                sql {
                  connection-string = {{connection}}
                  provider-name = "{{provider}}"
                  table-mapping = default
                  auto-initialize = on
                  initialization-retry-delay = 1s
                  read-isolation-level = {{readIsolation}}
                }
              }
            }
            """);
    }

    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
