using System.Globalization;
using CallCluster.JournalBench;

// Journal benchmark for the session entity: see bench/journal.sh and README.md.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine("usage: provider=sqlite|postgres conn=<connection string> workload=calls|raw|memory [count=N] [concurrency=N] [events=N] [new=on|off] [payload=N] [recover=N] [seconds=N] [batch-size=N] [round-trip=N] [parallelism=N] [buffer-size=N] [writer=batch|plugin] [label=text]");
    return 2;
}

var database = BenchSystem.PrepareDatabase(options);
var run = Guid.NewGuid().ToString("N")[..8];
Console.WriteLine($"journal provider={options.Provider} label={options.Label} workload=settings {BenchSystem.Batching(BenchSystem.Build(options))}");
switch (options.Workload)
{
    case "calls":
        await Workloads.Calls(options, database, run);
        break;
    case "raw":
        await Workloads.Raw(options, database, run);
        break;
    case "memory":
        await Workloads.MemoryAndRecovery(options, database, run);
        break;
    default:
        Console.Error.WriteLine($"unknown workload '{options.Workload}'");
        return 2;
}

return 0;
