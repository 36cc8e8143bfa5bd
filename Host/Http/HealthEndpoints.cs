using CallCluster.Host.Hosting;
using CallCluster.Host.Metrics;

namespace CallCluster.Host.Http;

/// <summary>/healthz, /readyz and /metrics.</summary>
public static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => ApiResults.Json(new { status = "alive" }));

        app.MapGet("/readyz", async (NodeReadiness readiness, CancellationToken cancellation) =>
        {
            string? problem;
            try
            {
                problem = await readiness.ProblemAsync(cancellation);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                problem = $"readiness check failed: {e.Message.ReplaceLineEndings(" ")}";
            }
            return problem is null
                ? ApiResults.Json(new { status = "ready" })
                : ApiResults.Json(new { status = "not-ready", reason = problem }, StatusCodes.Status503ServiceUnavailable);
        });

        app.MapGet("/metrics", async (HttpContext context, CallClusterMetrics metrics) =>
        {
            context.Response.ContentType = CallClusterMetrics.ContentType;
            await metrics.ExportAsync(context.Response.Body, context.RequestAborted);
        });
    }
}
