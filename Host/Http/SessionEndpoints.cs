using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using CallCluster.Actors.Cdr;
using CallCluster.Actors.Hosting;

namespace CallCluster.Host.Http;

/// <summary>/api/v1/sessions, /api/v1/sessions/{id}, /api/v1/cdrs and POST /api/v1/home-calls.</summary>
public static class SessionEndpoints
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    public const int DefaultCdrLimit = 100;
    public const int MaxCdrLimit = 1000;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/sessions", async (IRequiredActor<SessionRegion> region, CancellationToken cancellation) =>
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            timeout.CancelAfter(Timeout);
            try
            {
                var actor = await region.GetAsync(timeout.Token);
                var state = await actor.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, Timeout, timeout.Token);
                var ids = state.Shards.SelectMany(s => s.EntityIds).Order(StringComparer.Ordinal).ToList();
                return ApiResults.Json(new { scope = "node", count = ids.Count, sessions = ids.Select(id => new { id }) });
            }
            catch (Exception e) when (e is AskTimeoutException or OperationCanceledException && !cancellation.IsCancellationRequested)
            {
                return ApiResults.Error(StatusCodes.Status503ServiceUnavailable, $"session region did not answer within {Timeout.TotalSeconds:0} s");
            }
        });

        app.MapGet("/api/v1/sessions/{id}", (string id) =>
            ApiResults.Error(StatusCodes.Status501NotImplemented, $"session queries are not available in this build (session '{id}')"));

        app.MapGet("/api/v1/cdrs", async (HttpRequest request, IServiceProvider services, CancellationToken cancellation) =>
        {
            var limit = DefaultCdrLimit;
            if (request.Query.TryGetValue("limit", out var text)
                && (!int.TryParse(text, out limit) || limit is < 1 or > MaxCdrLimit))
            {
                return ApiResults.Error(StatusCodes.Status400BadRequest, $"limit must be a number from 1 to {MaxCdrLimit}");
            }
            if (services.GetService<ICdrStore>() is not { } store)
            {
                return ApiResults.Error(StatusCodes.Status501NotImplemented, "the CDR store is not available in this build");
            }
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            timeout.CancelAfter(Timeout);
            try
            {
                var records = await store.ListAsync(limit, timeout.Token);
                return ApiResults.Json(new { count = records.Count, cdrs = records });
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                return ApiResults.Error(StatusCodes.Status503ServiceUnavailable, $"CDR store did not answer within {Timeout.TotalSeconds:0} s");
            }
        });

        app.MapPost("/api/v1/home-calls", async (HttpRequest request, CancellationToken cancellation) =>
        {
            var (body, rejection) = await ApiResults.ReadBodyAsync<HomeCallRequest>(request, cancellation);
            if (body is null)
            {
                return rejection!;
            }
            if (body.Problem() is { } problem)
            {
                return ApiResults.Error(StatusCodes.Status400BadRequest, problem);
            }
            return ApiResults.Error(StatusCodes.Status501NotImplemented, "click-to-call is not available in this build");
        });
    }
}
