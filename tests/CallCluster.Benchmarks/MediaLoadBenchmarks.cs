using BenchmarkDotNet.Attributes;

namespace CallCluster.Benchmarks;

/// <summary>
/// Runs <see cref="MediaLoadGenerator"/> once and prints its figures. Sizes come from the
/// environment: MEDIA_LOAD_CALLS (relayed calls, default 100), MEDIA_LOAD_MIXES (three-party
/// mixes, default 100), MEDIA_LOAD_SECONDS (default 10), MEDIA_LOAD_PORT (first RTP port, default 40000).
/// </summary>
/// <remarks>
/// Run once, in process:
/// <c>dotnet run -c Release --project tests/CallCluster.Benchmarks -- --filter '*MediaLoad*' --inProcess --strategy ColdStart --launchCount 1 --warmupCount 0 --iterationCount 1</c>
/// </remarks>
public class MediaLoadBenchmarks
{
    [Benchmark]
    public MediaLoadResult RelayAndMix()
    {
        var result = MediaLoadGenerator.Run(
            Setting("MEDIA_LOAD_CALLS", 100),
            Setting("MEDIA_LOAD_MIXES", 100),
            TimeSpan.FromSeconds(Setting("MEDIA_LOAD_SECONDS", 10)),
            Setting("MEDIA_LOAD_PORT", 40000),
            Console.Out);
        Console.WriteLine($"MEDIA-LOAD {result}");
        return result;
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out int value) && value >= 0 ? value : fallback;
}
