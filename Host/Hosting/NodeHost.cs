using Akka.Hosting;
using CallCluster.Actors.Hosting;
using CallCluster.Host.Cli;
using CallCluster.Host.Configuration;
using CallCluster.Host.Http;
using CallCluster.Host.Metrics;
using CallCluster.Host.Provisioning;
using CallCluster.Media;

namespace CallCluster.Host.Hosting;

/// <summary>Builds and runs one node: HTTP on Http:Listen, Akka with the configured roles, provisioning at start.</summary>
public static class NodeHost
{
    /// <summary>How long a stop (SIGTERM) may take: covers CoordinatedShutdown's sharding hand-off and cluster leave.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(
        CallClusterSettings settings, IConfiguration configuration, ProvisioningDocument? provisioning, CancellationToken cancellation)
    {
        try
        {
            GatewayRole.DigestAlgorithmsSetting(configuration["Sip:DigestAlgorithms"]);
        }
        catch (SettingsException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return ExitCodes.Usage;
        }
        var nodeSettings = settings.ToNodeSettings();
        var problems = nodeSettings.Validate();
        if (problems.Count > 0)
        {
            await Console.Error.WriteLineAsync(problems[0]);
            return ExitCodes.Usage;
        }
        if (settings.Persistence.Provider == PersistenceSettings.Sqlite
            && ConnectionStrings.SqliteFolder(settings.Persistence.ConnectionString) is { } folder)
        {
            try
            {
                Directory.CreateDirectory(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"Persistence:ConnectionString: cannot create folder '{folder}' ({e.Message})");
                return ExitCodes.Usage;
            }
        }

        await using var app = Build(settings, nodeSettings, configuration);
        var readiness = app.Services.GetRequiredService<NodeReadiness>();
        if (provisioning is not null)
        {
            readiness.ProvisioningStarted();
        }
        try
        {
            await app.StartAsync(cancellation);
        }
        catch (IOException e)
        {
            await Console.Error.WriteLineAsync($"Http:Listen: cannot listen on {settings.Http.Listen} ({e.Message.ReplaceLineEndings(" ")})");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var (line, exitCode) = StartFailure.Describe(e, settings);
            await Console.Error.WriteLineAsync(line);
            return exitCode;
        }

        if (provisioning is not null)
        {
            var problem = await ProvisioningApplier.ApplyAsync(
                provisioning, app.Services.GetRequiredService<DirectoryClient>(), settings.Sip.Domain,
                app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
            if (problem is not null)
            {
                await Console.Error.WriteLineAsync($"Provisioning:File: '{settings.Provisioning.File}': {problem}");
                await app.StopAsync(CancellationToken.None);
                return ExitCodes.Usage;
            }
            readiness.ProvisioningDone();
        }

        await app.WaitForShutdownAsync(cancellation);
        return ExitCodes.Ok;
    }

    private static WebApplication Build(CallClusterSettings settings, NodeSettings nodeSettings, IConfiguration configuration)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(configuration);
        builder.WebHost.UseUrls(settings.Http.Listen.GetLeftPart(UriPartial.Authority));
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);

        builder.Logging.ClearProviders();
        if (settings.Logging.Format == "json")
        {
            builder.Logging.AddJsonConsole(o => o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ");
        }
        else
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss.fff ";
                o.UseUtcTimestamp = true;
            });
        }

        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(settings.Sip);
        builder.Services.AddSingleton(settings.Persistence);
        builder.Services.AddSingleton<CallClusterMetrics>();
        builder.Services.AddSingleton<CallClusterMeterBridge>();
        builder.Services.AddCallClusterStores(nodeSettings);
        builder.Services.AddSingleton<NodeReadiness>();
        builder.Services.AddSingleton<DirectoryClient>();
        builder.Services.AddSingleton<SessionClient>();

        builder.Services.AddAkka(nodeSettings.SystemName, (akka, services) =>
        {
            akka.ConfigureLoggers(loggers =>
            {
                loggers.ClearLoggers();
                loggers.AddLoggerFactory();
            });
            akka.AddCallCluster(nodeSettings, new CallClusterParts
            {
                MediaManager = (_, _) => MediaManagerActor.Props(settings.ToMediaSettings()),
            });
            if (settings.Node.Has("gateway"))
            {
                akka.WithActors((system, registry) => GatewayRole.CreateOutbox(system, registry));
            }
            akka.AddStartup((system, _) => services.GetRequiredService<NodeReadiness>().Attach(system));
        });
        if (settings.Node.Has("gateway"))
        {
            builder.Services.AddSingleton<GatewayRole>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<GatewayRole>());
        }

        var app = builder.Build();
        app.Services.GetRequiredService<CallClusterMeterBridge>();
        var metrics = app.Services.GetRequiredService<CallClusterMetrics>();
        app.Use(async (context, next) =>
        {
            await next(context);
            metrics.HttpRequests.WithLabels(context.Response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture)).Inc();
        });
        HealthEndpoints.Map(app);
        DirectoryEndpoints.Map(app, settings.Sip);
        SessionEndpoints.Map(app, settings.Sip);
        return app;
    }
}
