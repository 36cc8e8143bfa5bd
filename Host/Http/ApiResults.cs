using CallCluster.Host.Provisioning;

namespace CallCluster.Host.Http;

/// <summary>JSON results of the HTTP API; errors are {"error": "..."}.</summary>
public static class ApiResults
{
    public const int MaxBodyBytes = 1024 * 1024;

    public static IResult Error(int status, string message) =>
        Results.Json(new ApiError(message), ResourceJson.Options, statusCode: status);

    public static IResult Json(object value, int status = StatusCodes.Status200OK) =>
        Results.Json(value, ResourceJson.Options, statusCode: status);

    /// <summary>Reads a JSON body into <typeparamref name="T"/>; on failure the result is a 400 with a message.</summary>
    public static async Task<(T? Value, IResult? Rejection)> ReadBodyAsync<T>(HttpRequest request, CancellationToken cancellation) where T : class
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, Error(StatusCodes.Status413PayloadTooLarge, $"body larger than {MaxBodyBytes} bytes"));
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellation)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return (null, Error(StatusCodes.Status413PayloadTooLarge, $"body larger than {MaxBodyBytes} bytes"));
            }
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
        {
            return (null, Error(StatusCodes.Status400BadRequest, "the body is empty; expected a JSON object"));
        }
        var value = ResourceJson.TryParse<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), out var problem);
        return value is null ? (null, Error(StatusCodes.Status400BadRequest, problem ?? "invalid JSON")) : (value, null);
    }
}

/// <summary>The body of every HTTP error.</summary>
public sealed record ApiError(string Error);
