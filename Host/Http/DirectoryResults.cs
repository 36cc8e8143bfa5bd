using CallCluster.Actors.Directory;
using static CallCluster.Actors.Directory.DirectoryReplies;

namespace CallCluster.Host.Http;

/// <summary>Maps directory replies to HTTP: Ok 200/201, NotFound 404, Conflict 409, Invalid 400, Unavailable 503.</summary>
public static class DirectoryResults
{
    /// <summary>The result of an upsert or delete; <paramref name="body"/> is returned on success.</summary>
    public static IResult Change(IDirectoryReply reply, string location, object? body) => reply switch
    {
        Ok { Created: true } => new CreatedResult(location, ApiResults.Json(body ?? new { }, StatusCodes.Status201Created)),
        Ok => body is null ? Results.NoContent() : ApiResults.Json(body),
        _ => Failure(reply),
    };

    public static IResult Failure(IDirectoryReply reply) => reply switch
    {
        NotFound notFound => ApiResults.Error(StatusCodes.Status404NotFound, $"'{notFound.Key}' not found"),
        Conflict conflict => ApiResults.Error(StatusCodes.Status409Conflict, conflict.Message),
        Invalid invalid => ApiResults.Error(StatusCodes.Status400BadRequest, invalid.Message),
        Unavailable unavailable => ApiResults.Error(StatusCodes.Status503ServiceUnavailable, unavailable.Message),
        _ => ApiResults.Error(StatusCodes.Status500InternalServerError, $"unexpected directory reply {reply.GetType().Name}"),
    };

    /// <summary>Sets the Location header on a 201 result.</summary>
    private sealed class CreatedResult(string location, IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Location = location;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
