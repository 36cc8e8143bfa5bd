using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Hosting;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using Akka.Pattern;
using Akka.Persistence.Sql;
using Akka.Remote.Hosting;
using CallCluster.Actors.Calls;
using CallCluster.Actors.Cdr;
using CallCluster.Actors.Directory;
using CallCluster.Actors.Membership;
using CallCluster.Actors.Persistence;
using CallCluster.Actors.Registration;
using CallCluster.Actors.Serialization;
using CallCluster.Actors.Sessions;
using CallCluster.Actors.Sessions.Media;

namespace CallCluster.Actors.Hosting;

/// <summary>Wires a CallCluster node into Akka.Hosting.</summary>
public static class CallClusterHosting
{
    public const string RegistrationTypeName = "registration";
    public const string SessionTypeName = "session";
    public const string MobileCallsTypeName = "mobile-calls";
    public const string DirectorySingletonName = "directory";

    /// <summary>
    /// Remote, cluster (seeds, roles, split brain resolver), sharding regions with remember-entities,
    /// SQL persistence, the serializer, the directory (singleton + per-node replica) and the CDR writer
    /// for a node described by <paramref name="settings"/>. Throws <see cref="ArgumentException"/>
    /// when <see cref="NodeSettings.Validate"/> reports problems.
    /// </summary>
    public static AkkaConfigurationBuilder AddCallCluster(
        this AkkaConfigurationBuilder builder, NodeSettings settings, CallClusterParts? parts = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        var problems = settings.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, problems), nameof(settings));
        }

        parts ??= new CallClusterParts();
        var database = new Database(settings.Persistence);
        database.Prepare();

        builder
            .AddHocon(CallClusterConfig.Build(settings), HoconAddMode.Prepend)
            .AddHocon(SqlPersistence.DefaultConfiguration, HoconAddMode.Append)
            .AddSetup(JournalConnections.Setup(settings.Persistence))
            .WithRemoting(settings.ClusterHostname, settings.ClusterPort)
            .WithClustering(new ClusterOptions
            {
                Roles = settings.Roles.Order(StringComparer.Ordinal).ToArray(),
                SeedNodes = settings.Seeds.ToArray(),
            })
            .WithCustomSerializer(
                CallClusterSerializer.SerializerName,
                [typeof(ICallClusterMessage)],
                system => new CallClusterSerializer(system))
            .WithDistributedPubSub(string.Empty);

        if (settings.Seeds.Count == 0)
        {
            builder.AddStartup((system, _) =>
            {
                var cluster = Akka.Cluster.Cluster.Get(system);
                cluster.Join(cluster.SelfAddress);
            });
        }

        if (settings.DownCrashedNodes)
        {
            builder.WithActors((system, _) => system.ActorOf(CrashDowning.Props(), "crash-downing"));
        }

        if (settings.HasRole(NodeSettings.SessionRole))
        {
            builder.WithActors((system, _) => system.ActorOf(JournalWarmup.Props(), "journal-warmup"));
        }

        if (settings.ExactStableAfter)
        {
            builder.WithActors((system, _) => system.ActorOf(PartitionDowning.Props(), "partition-downing"));
        }

        var shardTypes = LocalShardTypes(settings);
        if (shardTypes.Count > 0)
        {
            builder.WithActors((system, _) => system.ActorOf(CoordinatorActivation.Props(shardTypes), "coordinator-activation"));
        }

        var singletonManagers = LocalSingletonManagers(settings);
        if (settings.DownCrashedNodes && singletonManagers.Count > 0)
        {
            builder.WithActors((system, _) => system.ActorOf(CrashRemoval.Props(singletonManagers), "crash-removal"));
        }

        AddCdrWriter(builder, database);
        AddMediaManager(builder, settings, parts);
        AddRegistrations(builder, settings, parts);
        AddDirectory(builder, settings);
        AddSessions(builder, settings, parts);
        AddMobileCalls(builder, settings);
        return builder;
    }

    /// <summary>The local paths of the cluster singleton managers on this node: each hosted shard type's coordinator, and the directory's.</summary>
    public static IReadOnlyList<string> LocalSingletonManagers(NodeSettings settings)
    {
        var managers = LocalShardTypes(settings).Select(SingletonRemoval.CoordinatorManagerPath).ToList();
        if (settings.HasRole(NodeSettings.SessionRole))
        {
            managers.Add("/user/" + DirectorySingletonName);
        }

        return managers;
    }

    /// <summary>The sharded types whose coordinator can run on this node (the regions it hosts).</summary>
    public static IReadOnlyList<string> LocalShardTypes(NodeSettings settings)
    {
        var types = new List<string>();
        if (settings.HasRole(NodeSettings.SessionRole))
        {
            types.Add(RegistrationTypeName);
            types.Add(SessionTypeName);
        }

        if (settings.HasRole(NodeSettings.GatewayRole))
        {
            types.Add(MobileCallsTypeName);
        }

        return types;
    }

    /// <summary>Shard options of the session region: remember-entities on the SQL journal.</summary>
    public static ShardOptions EntityShardOptions(object? handOffStopMessage = null) => new()
    {
        Role = NodeSettings.SessionRole,
        RememberEntities = true,
        StateStoreMode = StateStoreMode.DData,
        RememberEntitiesStore = RememberEntitiesStore.Eventsourced,
        JournalPluginId = CallClusterConfig.JournalPluginId,
        SnapshotPluginId = CallClusterConfig.SnapshotPluginId,
        HandOffStopMessage = handOffStopMessage,
    };

    /// <summary>
    /// Shard options of the registration region: persistent entities started on demand, not
    /// remembered, never passivated for idleness. A registration acts only when asked (lookups prune
    /// expired contacts by the clock), so nothing is lost when it is not running; remembering them
    /// would make a lost node's every registration (far more than its calls) replay on the survivors
    /// at once, on the same journal and cores as the sessions that must re-anchor their media. An
    /// entity with contacts stays in memory once started, so the call path reads the journal for an
    /// address of record only the first time after a start or a move, never per call.
    /// </summary>
    public static ShardOptions RegistrationShardOptions() => new()
    {
        Role = NodeSettings.SessionRole,
        RememberEntities = false,
        ShouldPassivateIdleEntities = false,
        StateStoreMode = StateStoreMode.DData,
        JournalPluginId = CallClusterConfig.JournalPluginId,
        SnapshotPluginId = CallClusterConfig.SnapshotPluginId,
    };

    private static void AddRegistrations(AkkaConfigurationBuilder builder, NodeSettings settings, CallClusterParts parts)
    {
        var extractor = new RegistrationMessageExtractor(settings.ShardCount);
        if (settings.HasRole(NodeSettings.SessionRole))
        {
            builder.WithShardRegion<RegistrationRegion>(
                RegistrationTypeName,
                aor => RegistrationEntity.Props(aor, parts.Registration),
                extractor,
                RegistrationShardOptions());
        }
        else
        {
            builder.WithShardRegionProxy<RegistrationRegion>(RegistrationTypeName, NodeSettings.SessionRole, extractor);
        }
    }

    private static void AddSessions(AkkaConfigurationBuilder builder, NodeSettings settings, CallClusterParts parts)
    {
        var extractor = new SessionMessageExtractor(settings.ShardCount);
        if (!settings.HasRole(NodeSettings.SessionRole))
        {
            builder.WithShardRegionProxy<SessionRegion>(SessionTypeName, NodeSettings.SessionRole, extractor);
            return;
        }

        builder.WithShardRegion<SessionRegion>(
            SessionTypeName,
            (system, registry) =>
            {
                var outbox = new Lazy<IActorRef>(() => parts.GatewayOutbox?.Invoke(system, registry)
                    ?? system.ActorOf(GatewayDispatcher.Props(), "session-gateways"));
                var media = new Lazy<IActorRef>(() => parts.SessionMedia?.Invoke(system, registry)
                    ?? RoleRouters.CreateConsistent(system, RoleRouters.MediaManagerPath, NodeSettings.MediaRole, "session-media"));
                var self = ((ExtendedActorSystem)system).Provider.DefaultAddress.ToString();
                return id => SessionHost.Props(start => SessionActor.Props(
                    id, outbox.Value, media.Value, registry.Get<CdrWriter>(), parts.Sessions, new NodeAddressMediaAdapter(new MediaProtocolAdapter(), self), RoleRouters.MediaManagerPath, start));
            },
            extractor,
            EntityShardOptions(SessionActor.StopSession.Instance));
        builder.WithActors((system, registry) =>
            system.ActorOf(MediaNodeWatch.Props(registry.Get<SessionRegion>()), "media-node-watch"));
    }

    /// <summary>The gateway's index of live calls per mobile: not persistent, so not remembered either.</summary>
    private static void AddMobileCalls(AkkaConfigurationBuilder builder, NodeSettings settings)
    {
        var extractor = new MobileCallsMessageExtractor(settings.ShardCount);
        if (settings.HasRole(NodeSettings.GatewayRole))
        {
            builder.WithShardRegion<MobileCallsRegion>(
                MobileCallsTypeName,
                MobileCallsEntity.Props,
                extractor,
                new ShardOptions { Role = NodeSettings.GatewayRole, RememberEntities = false, StateStoreMode = StateStoreMode.DData });
        }
        else
        {
            builder.WithShardRegionProxy<MobileCallsRegion>(MobileCallsTypeName, NodeSettings.GatewayRole, extractor);
        }
    }

    private static void AddDirectory(AkkaConfigurationBuilder builder, NodeSettings settings)
    {
        var options = new ClusterSingletonOptions { Role = NodeSettings.SessionRole };
        if (settings.HasRole(NodeSettings.SessionRole))
        {
            var supervised = BackoffSupervisor.Props(Backoff.OnStop(
                DirectoryEntity.Props(),
                "writer",
                TimeSpan.FromMilliseconds(500),
                TimeSpan.FromSeconds(10),
                0.2,
                -1));
            builder.WithSingleton<DirectorySingleton>(DirectorySingletonName, supervised, options, createProxyToo: true);
        }
        else
        {
            builder.WithSingletonProxy<DirectorySingleton>(DirectorySingletonName, options);
        }

        builder.WithActors((system, registry) =>
        {
            var writer = registry.Get<DirectorySingleton>();
            registry.Register<DirectoryActor>(system.ActorOf(DirectoryReplica.Props(writer), "directory-replica"));
        });
    }

    private static void AddCdrWriter(AkkaConfigurationBuilder builder, Database database)
    {
        builder.WithActors((system, registry) =>
            registry.Register<CdrWriter>(system.ActorOf(CdrWriterActor.Props(new SqlCdrStore(database)), "cdr-writer")));
    }

    private static void AddMediaManager(AkkaConfigurationBuilder builder, NodeSettings settings, CallClusterParts parts)
    {
        if (parts.MediaManager is { } props && settings.HasRole(NodeSettings.MediaRole))
        {
            builder.WithActors((system, registry) =>
                registry.Register<MediaManager>(system.ActorOf(props(system, registry), RoleRouters.MediaManagerName)));
        }
    }
}
