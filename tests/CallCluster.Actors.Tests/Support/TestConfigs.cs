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

    public const string VirtualScheduler = """
        akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit"
        """;

    public static Config InMemory(bool virtualTime = false) => ConfigurationFactory.ParseString(
        SerializerBinding + "\n" + InMemoryPersistence + (virtualTime ? "\n" + VirtualScheduler : ""));

    /// <summary>Production journal settings on a SQLite file, no cluster.</summary>
    public static Config Sqlite(string connectionString)
    {
        var persistence = new PersistenceSettings { Provider = PersistenceSettings.Sqlite, ConnectionString = connectionString };
        new CallCluster.Actors.Persistence.Database(persistence).Prepare();
        return ConfigurationFactory.ParseString(SerializerBinding + "\n" + CallClusterConfig.PersistenceHocon(persistence))
            .WithFallback(Akka.Persistence.Sql.SqlPersistence.DefaultConfiguration);
    }
}
