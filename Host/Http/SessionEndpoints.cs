using CallCluster.Actors.Cdr;
using CallCluster.Actors.Sessions;
using CallCluster.Host.Configuration;
using CallCluster.Host.Provisioning;

namespace CallCluster.Host.Http;

/// <summary>/api/v1/sessions, /api/v1/sessions/{id}, /api/v1/cdrs and POST /api/v1/home-calls.</summary>
public static class SessionEndpoints
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    public const int DefaultCdrLimit = 100;
    public const int MaxCdrLimit = 1000;
    private const string NoSessions = "sessions are not hosted on this node yet (no session region)";

    public static void Map(IEndpointRouteBuilder app, SipSection sip)
    {
        app.MapGet("/api/v1/sessions", async (SessionClient sessions, CancellationToken cancellation) =>
        {
            if (sessions.Region is not { } region)
            {
                return ApiResults.Error(StatusCodes.Status503ServiceUnavailable, NoSessions);
            }
            var ids = await sessions.LocalSessionIdsAsync(region, cancellation);
            return ids is null
                ? ApiResults.Error(StatusCodes.Status503ServiceUnavailable, $"session region or one of its shards did not answer within {SessionClient.Timeout.TotalSeconds:0} s")
                : ApiResults.Json(new { scope = "node", count = ids.Count, sessions = ids.Select(id => new { id, href = $"/api/v1/sessions/{id}" }) });
        });

        app.MapGet("/api/v1/sessions/{id}", async (string id, SessionClient sessions, CancellationToken cancellation) =>
        {
            if (ResourceValidation.Name("id", id) is { } bad)
            {
                return ApiResults.Error(StatusCodes.Status400BadRequest, bad);
            }
            if (sessions.Region is not { } region)
            {
                return ApiResults.Error(StatusCodes.Status503ServiceUnavailable, NoSessions);
            }
            return await sessions.AskAsync(region, new SessionQueries.GetSession(new SessionId(id)), cancellation) switch
            {
                SessionView view => ApiResults.Json(SessionResource.From(view)),
                SessionQueries.SessionNotFound => ApiResults.Error(StatusCodes.Status404NotFound, $"session '{id}' not found"),
                null => ApiResults.Error(StatusCodes.Status503ServiceUnavailable, $"session '{id}' did not answer within {SessionClient.Timeout.TotalSeconds:0} s"),
                var other => ApiResults.Error(StatusCodes.Status500InternalServerError, $"unexpected reply {other.GetType().Name}"),
            };
        });

        app.MapGet("/api/v1/cdrs", async (HttpRequest request, IServiceProvider services, CancellationToken cancellation) =>
        {
            var limit = DefaultCdrLimit;
            if (request.Query.TryGetValue("limit", out var text)
                && (!int.TryParse(text, out limit) || limit is < 1 or > MaxCdrLimit))
            {
                return ApiResults.Error(StatusCodes.Status400BadRequest, $"limit must be a number from 1 to {MaxCdrLimit}");
            }
            var store = services.GetRequiredService<ICdrStore>();
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

        app.MapPost("/api/v1/home-calls", async (HttpRequest request, HttpResponse response, SessionClient sessions, DirectoryClient directory, CancellationToken cancellation) =>
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
            if (await HomeCallCheck.ProblemAsync(body, directory, cancellation) is { } refused)
            {
                return ApiResults.Error(refused.Status, refused.Message);
            }
            if (sessions.Region is not { } region)
            {
                return ApiResults.Error(StatusCodes.Status501NotImplemented, $"click-to-call is not available: {NoSessions}");
            }
            var id = SessionId.New();
            var command = new SessionCommands.StartClickToCall(
                id,
                HomeCallRequest.ToParty(body.Mobile, sip.Domain),
                HomeCallRequest.ToParty(body.LocalTerminal, sip.Domain),
                HomeCallRequest.ToParty(body.Remote, sip.Domain));
            switch (await sessions.AskAsync(region, command, cancellation))
            {
                case SessionReplies.Accepted:
                    response.Headers.Location = $"/api/v1/sessions/{id.Value}";
                    return ApiResults.Json(new { sessionId = id.Value, href = $"/api/v1/sessions/{id.Value}" }, StatusCodes.Status202Accepted);
                case SessionReplies.Rejected rejected:
                    return ApiResults.Error(rejected.Status is >= 400 and < 600 ? rejected.Status : StatusCodes.Status500InternalServerError, rejected.Reason);
                case SessionReplies.Unavailable unavailable:
                    response.Headers.RetryAfter = unavailable.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    return ApiResults.Error(StatusCodes.Status503ServiceUnavailable, unavailable.Reason);
                case null:
                    return ApiResults.Error(StatusCodes.Status503ServiceUnavailable, $"session did not answer within {SessionClient.Timeout.TotalSeconds:0} s");
                case var other:
                    return ApiResults.Error(StatusCodes.Status500InternalServerError, $"unexpected reply {other.GetType().Name}");
            }
        });
    }
}
