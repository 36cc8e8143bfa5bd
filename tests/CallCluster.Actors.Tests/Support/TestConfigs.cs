using Akka.Configuration;
using CallCluster.Actors.Hosting;

namespace CallCluster.Actors.Tests.Support;

/// <summary>HOCON for single-system specs: the serializer bound as in production, in-memory or SQLite journal.</summary>
public static class TestConfigs
{
    public const string SerializerBinding = """
        akka.actor {
          serializers.callcluster = "CallCluster.Actors.Serialization.CallClusterSerializer, CallCluster.Actors"
          serialization-bindings {
            "CallCluster.Actors.Serialization.ICallClusterMessage, CallCluster.Actors" = callcluster
          }
          serialization-identifiers {
            "CallCluster.Actors.Serialization.CallClusterSerializer, CallCluster.Actors" = 4711
          }
        }
        # test assemblies run side by side on two cores: expectations wait longer than the 3 s default
        akka.test.single-expect-default = 10s
        """;

    public const string InMemoryPersistence = """
        akka.persistence.journal.plugin = "akka.persistence.journal.inmem"
        akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.inmem"
        """;

    /// <summary>Akka.Persistence.TestKit's journal and snapshot store (interceptable reads and writes), warnings only.</summary>
    public const string PersistenceTestKit = """
        akka.loglevel = WARNING
        akka.persistence.journal.plugin = "akka.persistence.journal.test"
        akka.persistence.journal.auto-start-journals = ["akka.persistence.journal.test"]
        akka.persistence.journal.test.class = "Akka.Persistence.TestKit.TestJournal, Akka.Persistence.TestKit"
        akka.persistence.journal.test.plugin-dispatcher = "akka.actor.default-dispatcher"
        akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.test"
        akka.persistence.snapshot-store.auto-start-snapshot-stores = ["akka.persistence.snapshot-store.test"]
        akka.persistence.snapshot-store.test.class = "Akka.Persistence.TestKit.TestSnapshotStore, Akka.Persistence.TestKit"
        akka.persistence.snapshot-store.test.plugin-dispatcher = "akka.actor.default-dispatcher"
        """;

    public const string VirtualScheduler = """
        akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit"
        """;

    public static Config InMemory(bool virtualTime = false) => ConfigurationFactory.ParseString(
        SerializerBinding + "\n" + InMemoryPersistence + (virtualTime ? "\n" + VirtualScheduler : ""));

    /// <summary>Production journal settings on a SQLite file, no cluster.</summary>
    public static Config Sqlite(string connectionString) =>
        Sqlite(new PersistenceSettings { Provider = PersistenceSettings.Sqlite, ConnectionString = connectionString });

    /// <summary>Production journal settings for <paramref name="persistence"/> (a SQLite file), no cluster.</summary>
    public static Config Sqlite(PersistenceSettings persistence)
    {
        new CallCluster.Actors.Persistence.Database(persistence).Prepare();
        return ConfigurationFactory.ParseString(SerializerBinding + "\n" + CallClusterConfig.PersistenceHocon(persistence))
            .WithFallback(Akka.Persistence.Sql.SqlPersistence.DefaultConfiguration);
    }
}
