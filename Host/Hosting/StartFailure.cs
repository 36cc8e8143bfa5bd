using CallCluster.Host.Cli;

namespace CallCluster.Host.Hosting;

/// <summary>Turns a start-up exception into one line and an exit code.</summary>
public static class StartFailure
{
    public static (string Line, int ExitCode) Describe(Exception exception, CallCluster.Host.Configuration.CallClusterSettings settings)
    {
        var outer = Unwrap(exception);
        var inner = outer.GetBaseException();
        var message = OneLine(outer.Message.Replace(" See InnerException for details.", "", StringComparison.Ordinal));
        if (!ReferenceEquals(inner, outer) && !message.Contains(inner.Message, StringComparison.Ordinal))
        {
            message = $"{message}: {OneLine(inner.Message)}";
        }
        if (outer.Message.StartsWith("Failed to bind to", StringComparison.Ordinal))
        {
            return ($"Cluster:Port: cannot listen on {settings.Cluster.Hostname}:{settings.Cluster.Port} ({message})", ExitCodes.Usage);
        }
        return ($"callcluster: start failed: {message}", ExitCodes.Failure);
    }

    private static Exception Unwrap(Exception exception)
    {
        var current = exception;
        for (var depth = 0; depth < 16 && current is AggregateException { InnerExceptions.Count: > 0 } aggregate; depth++)
        {
            current = aggregate.InnerExceptions[0];
        }
        return current;
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
