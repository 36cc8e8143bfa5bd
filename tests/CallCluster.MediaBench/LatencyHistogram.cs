namespace CallCluster.MediaBench;

/// <summary>One-way latencies in 1 µs buckets up to 200 ms (the rest in the last bucket); safe for concurrent recording.</summary>
public sealed class LatencyHistogram
{
    private readonly long[] buckets = new long[200_001];

    public long Count => buckets.Sum();

    public void Record(long micros) =>
        Interlocked.Increment(ref buckets[Math.Clamp(micros, 0, buckets.Length - 1)]);

    /// <summary>The upper edge, in µs, of the bucket holding the percentile; 0 when empty.</summary>
    public long Percentile(double percentile)
    {
        long total = Count;
        if (total == 0)
        {
            return 0;
        }

        long rank = Math.Max(1, (long)Math.Ceiling(total * percentile / 100.0));
        long seen = 0;
        for (int i = 0; i < buckets.Length; i++)
        {
            seen += Interlocked.Read(ref buckets[i]);
            if (seen >= rank)
            {
                return i + 1;
            }
        }

        return buckets.Length;
    }
}
