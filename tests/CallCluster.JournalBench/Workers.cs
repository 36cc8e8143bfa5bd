using System.Diagnostics;

namespace CallCluster.JournalBench;

/// <summary>Runs a bounded amount of work on a fixed number of concurrent loops, within a time budget.</summary>
public static class Workers
{
    public sealed record Result(int Done, int Failed, TimeSpan Elapsed, long[] Latencies, string? FirstError);

    public static async Task<Result> Run(int concurrency, int count, TimeSpan budget, Func<int, List<long>, Task> body)
    {
        var next = -1;
        var failed = 0;
        string? firstError = null;
        var clock = Stopwatch.StartNew();
        var lists = new List<long>[concurrency];
        var done = new int[concurrency];
        var loops = Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            var latencies = lists[w] = new List<long>(1024);
            while (clock.Elapsed < budget)
            {
                var n = Interlocked.Increment(ref next);
                if (n >= count)
                {
                    return;
                }

                try
                {
                    await body(n, latencies);
                    done[w]++;
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    Interlocked.Increment(ref failed);
                    Interlocked.CompareExchange(ref firstError, e.GetType().Name + ": " + e.Message, null);
                }
            }
        })).ToArray();
        await Task.WhenAll(loops);
        clock.Stop();
        var all = lists.Where(l => l is not null).SelectMany(l => l).ToArray();
        Array.Sort(all);
        return new Result(done.Sum(), failed, clock.Elapsed, all, firstError);
    }

    /// <summary>Value at <paramref name="percentile"/> (0-100) of a sorted array, in milliseconds.</summary>
    public static double PercentileMs(long[] sortedMicros, double percentile)
    {
        if (sortedMicros.Length == 0)
        {
            return double.NaN;
        }

        var index = (int)Math.Ceiling(percentile / 100 * sortedMicros.Length) - 1;
        return sortedMicros[Math.Clamp(index, 0, sortedMicros.Length - 1)] / 1000.0;
    }
}
