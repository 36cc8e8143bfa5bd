namespace CallCluster.Benchmarks;

/// <summary>What one media load run measured.</summary>
public sealed record MediaLoadResult(
    int RelayedCalls,
    int Mixes,
    int MixerLoops,
    TimeSpan Duration,
    long RelaySent,
    long RelayReceived,
    double RelayLossPercent,
    double RelayP50Micros,
    double RelayP99Micros,
    double RelayP999Micros,
    long MixTicks,
    long MissedTicks,
    double MaxTickLatenessMillis,
    double MixDeliveryPercent)
{
    public override string ToString() =>
        $"relayed calls {RelayedCalls}, mixes {Mixes}, mixing loops {MixerLoops}, {Duration.TotalSeconds:0} s: " +
        $"relay sent {RelaySent} received {RelayReceived} loss {RelayLossPercent:0.000}% " +
        $"latency p50 {RelayP50Micros:0} us p99 {RelayP99Micros:0} us p99.9 {RelayP999Micros:0} us; " +
        $"mixer ticks {MixTicks} missed {MissedTicks} max lateness {MaxTickLatenessMillis:0.00} ms; mix packets delivered {MixDeliveryPercent:0.0}% of 50/s per participant";
}
