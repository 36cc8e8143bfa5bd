using System.Globalization;
using System.Text;
using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence.Sql;
using CallCluster.Actors.Hosting;
using CallCluster.Actors.Persistence;

namespace CallCluster.JournalBench;

/// <summary>
/// An actor system with the node's journal and snapshot store: the HOCON comes from
/// <see cref="CallClusterConfig.PersistenceHocon"/> and the connection setup from
/// <see cref="JournalConnections"/> (what <c>AddCallCluster</c> uses), the
/// serializer binding mirrors <c>CallClusterHosting</c>, and only the batching keys given on the
/// command line are overridden.
/// </summary>
public static class BenchSystem
{
    public static PersistenceSettings Persistence(BenchOptions o) => new()
    {
        Provider = o.IsSqlite ? PersistenceSettings.Sqlite : PersistenceSettings.Postgres,
        ConnectionString = o.ConnectionString,
    };

    /// <summary>SQLite: folder and WAL as the node does at start (<see cref="Database.Prepare"/>).</summary>
    public static Database PrepareDatabase(BenchOptions o)
    {
        var database = new Database(Persistence(o));
        database.Prepare();
        return database;
    }

    public static Config Build(BenchOptions o)
    {
        var overrides = new StringBuilder();
        overrides.AppendLine("akka.persistence.journal.sql {");
        Append(overrides, "batch-size", o.BatchSize);
        Append(overrides, "db-round-trip-max-batch-size", o.RoundTripMaxBatchSize);
        Append(overrides, "parallelism", o.Parallelism);
        Append(overrides, "buffer-size", o.BufferSize);
        if (o.Writer is not null)
        {
            overrides.AppendLine(o.Writer == "batch" ? "callcluster.batch-writer = on" : "callcluster.batch-writer = off");
        }

        overrides.AppendLine("}");
        overrides.AppendLine("""
            akka.loglevel = WARNING
            akka.log-dead-letters = off
            akka.log-dead-letters-during-shutdown = off
            akka.actor.serializers.callcluster = "CallCluster.Actors.Serialization.CallClusterSerializer, CallCluster.Actors"
            akka.actor.serialization-bindings {
              "CallCluster.Actors.Serialization.ICallClusterMessage, CallCluster.Actors" = callcluster
            }
            akka.actor.serialization-identifiers {
              "CallCluster.Actors.Serialization.CallClusterSerializer, CallCluster.Actors" = 4711
            }
            """);
        return ConfigurationFactory.ParseString(overrides.ToString())
            .WithFallback(ConfigurationFactory.ParseString(CallClusterConfig.PersistenceHocon(Persistence(o))))
            .WithFallback(SqlPersistence.DefaultConfiguration);
    }

    /// <summary>The system with the node's connection setup (<see cref="JournalConnections"/>: SQLite's synchronous mode).</summary>
    public static ActorSystem Start(BenchOptions o) => ActorSystem.Create(
        "journalbench",
        BootstrapSetup.Create().WithConfig(Build(o)).And(JournalConnections.Setup(Persistence(o))));

    /// <summary>The effective batching values, for the report.</summary>
    public static string Batching(Config config)
    {
        var j = config.GetConfig("akka.persistence.journal.sql");
        return string.Create(CultureInfo.InvariantCulture,
            $"batch-size={j.GetInt("batch-size")} round-trip={j.GetInt("db-round-trip-max-batch-size")} parallelism={j.GetInt("parallelism")} buffer-size={j.GetInt("buffer-size")} batch-writer={j.GetBoolean("callcluster.batch-writer")}");
    }

    /// <summary>Rows in the journal table (0 before it exists).</summary>
    public static async Task<long> JournalRows(Database database)
    {
        try
        {
            await using var connection = await database.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM journal";
            return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is System.Data.Common.DbException)
        {
            return 0;
        }
    }

    private static void Append(StringBuilder sb, string key, int? value)
    {
        if (value is { } v)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  {key} = {v}\n");
        }
    }
}
