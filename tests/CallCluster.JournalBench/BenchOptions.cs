using System.Globalization;

namespace CallCluster.JournalBench;

/// <summary>Command line of the journal benchmark: <c>key=value</c> pairs, all optional except provider and connection.</summary>
public sealed record BenchOptions
{
    /// <summary><c>sqlite</c> or <c>postgres</c>.</summary>
    public string Provider { get; init; } = "sqlite";

    public string ConnectionString { get; init; } = "";

    /// <summary><c>calls</c>, <c>raw</c> or <c>memory</c> (memory also measures recovery).</summary>
    public string Workload { get; init; } = "calls";

    /// <summary>Calls (or raw writes, or established sessions) to run at most.</summary>
    public int Count { get; init; } = 2000;

    /// <summary>Sessions (or raw writers) in flight at once.</summary>
    public int Concurrency { get; init; } = 200;

    /// <summary>Raw workload: events each writer persists one after another.</summary>
    public int EventsPerWriter { get; init; } = 20;

    /// <summary>Raw workload: writers start as new sessions do, reading nothing (<c>new=on</c>) or recover first (<c>off</c>).</summary>
    public bool NewWriters { get; init; }

    /// <summary>Raw workload: bytes of each event's payload, taken in turn (<c>payload=1200,1200,1200,40,40</c>).</summary>
    public IReadOnlyList<int> PayloadBytes { get; init; } = [120];

    /// <summary>Sessions recovered after the restart (memory workload); 0: none.</summary>
    public int Recover { get; init; } = 2000;

    /// <summary>Stop starting new work after this long.</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Batching overrides; null keeps the node's value.</summary>
    public int? BatchSize { get; init; }

    public int? RoundTripMaxBatchSize { get; init; }

    public int? Parallelism { get; init; }

    public int? BufferSize { get; init; }

    /// <summary><c>batch</c> (the node's batch writer) or <c>plugin</c> (Akka.Persistence.Sql's own write path); null keeps the node's.</summary>
    public string? Writer { get; init; }

    /// <summary>Label printed with every line (for example the batching variant).</summary>
    public string Label { get; init; } = "node";

    public bool IsSqlite => string.Equals(Provider, "sqlite", StringComparison.OrdinalIgnoreCase);

    public static BenchOptions Parse(IEnumerable<string> args)
    {
        var o = new BenchOptions();
        foreach (var arg in args)
        {
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new ArgumentException($"expected key=value, got '{arg}'");
            }

            var (key, value) = (arg[..eq], arg[(eq + 1)..]);
            o = key switch
            {
                "provider" => o with { Provider = value },
                "conn" => o with { ConnectionString = value },
                "workload" => o with { Workload = value },
                "count" => o with { Count = Int(value) },
                "concurrency" => o with { Concurrency = Int(value) },
                "events" => o with { EventsPerWriter = Int(value) },
                "new" => o with { NewWriters = value is "on" or "off" ? value == "on" : throw new ArgumentException($"new must be on or off, got '{value}'") },
                "payload" => o with { PayloadBytes = [.. value.Split(',').Select(v => Int(v) is >= 0 and <= 65536 and var b ? b : throw new ArgumentException($"payload sizes must be 0-65536 bytes, got '{v}'"))] },
                "recover" => o with { Recover = Int(value) },
                "seconds" => o with { Budget = TimeSpan.FromSeconds(Int(value)) },
                "batch-size" => o with { BatchSize = Int(value) },
                "round-trip" => o with { RoundTripMaxBatchSize = Int(value) },
                "parallelism" => o with { Parallelism = Int(value) },
                "buffer-size" => o with { BufferSize = Int(value) },
                "writer" => o with { Writer = value is "batch" or "plugin" ? value : throw new ArgumentException($"writer must be batch or plugin, got '{value}'") },
                "label" => o with { Label = value },
                _ => throw new ArgumentException($"unknown option '{key}'"),
            };
        }

        if (o.ConnectionString.Length == 0)
        {
            throw new ArgumentException("conn=<connection string> is required");
        }

        return o;
    }

    private static int Int(string value) => int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
