namespace CallCluster.Benchmarks;

/// <summary>A lock-free latency histogram: 10 µs buckets up to 100 ms, the rest in the last bucket.</summary>
public sealed class MediaLatencyHistogram
{
    private const int BucketMicros = 10;
    private readonly long[] buckets = new long[10_001];

    public long Count => buckets.Sum();

    public void Record(TimeSpan latency)
    {
        long index = Math.Clamp((long)(latency.TotalMicroseconds / BucketMicros), 0, buckets.Length - 1);
        Interlocked.Increment(ref buckets[index]);
    }

    /// <summary>The upper edge of the bucket holding the given percentile, in microseconds.</summary>
    public double PercentileMicros(double percentile)
    {
        long total = Count;
        if (total == 0)
        {
            return 0;
        }

        long rank = (long)Math.Ceiling(total * percentile / 100.0);
        long seen = 0;
        for (int i = 0; i < buckets.Length; i++)
        {
            seen += Interlocked.Read(ref buckets[i]);
            if (seen >= rank)
            {
                return (i + 1) * BucketMicros;
            }
        }

        return buckets.Length * BucketMicros;
    }
}
