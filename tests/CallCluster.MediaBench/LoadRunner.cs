using System.Diagnostics;

namespace CallCluster.MediaBench;

/// <summary>
/// The <c>load</c> mode's runs. A relay run first measures the loopback baseline (each leg sends
/// straight to its peer's generator socket), then the same legs through the target; added latency
/// is target minus baseline at the same percentile. A mix run sends three streams per mix and reads
/// the target's mixing-loop counters around the measured window. Each returns one <c>media-compare</c> line (formatted in the current culture: invariant in this program).
/// </summary>
public static class LoadRunner
{
    private const int DrainMilliseconds = 500;

    public static string Relay(IMediaTarget target, int calls, TimeSpan measured, TimeSpan warmup, int sockets, int relayPid)
    {
        using var generator = new TrafficGenerator(calls * 2, sockets);
        for (int call = 0; call < calls; call++)
        {
            generator.Target(2 * call, generator.PortOf((2 * call) + 1));
            generator.Target((2 * call) + 1, generator.PortOf(2 * call));
        }

        var baseline = Measure(generator, warmupTag: 1, tag: 2, measured, warmup, 0);
        var setup = Stopwatch.StartNew();
        for (int call = 0; call < calls; call++)
        {
            var (toA, toB) = target.CreateRelay(call, generator.PortOf(2 * call), generator.PortOf((2 * call) + 1));
            generator.Target(2 * call, toA);
            generator.Target((2 * call) + 1, toB);
        }

        long setupMs = setup.ElapsedMilliseconds;
        var relayed = Measure(generator, warmupTag: 3, tag: 4, measured, warmup, relayPid);
        target.ReleaseAll();
        return string.Concat(
            $"media-compare relay target={target.Name} calls={calls} seconds={measured.TotalSeconds:0} sent={relayed.Sent} received={relayed.Received} ",
            $"loss_pct={relayed.LossPercent:0.000} p50_us={relayed.P50} p99_us={relayed.P99} p999_us={relayed.P999} ",
            $"base_loss_pct={baseline.LossPercent:0.000} base_p50_us={baseline.P50} base_p99_us={baseline.P99} ",
            $"added_p50_us={relayed.P50 - baseline.P50} added_p99_us={relayed.P99 - baseline.P99} ",
            $"relay_cpu_pct={relayed.RelayCpuPercent:0.0} pacer_lag_max_us={Math.Max(baseline.PacerLag, relayed.PacerLag)} pacer_skipped_ms={baseline.Skipped + relayed.Skipped} setup_ms={setupMs}");
    }

    public static string Mix(IMediaTarget target, int mixes, TimeSpan measured, TimeSpan warmup, int sockets, int relayPid, bool drain)
    {
        using var generator = new TrafficGenerator(mixes * 3, sockets, drain);
        for (int mix = 0; mix < mixes; mix++)
        {
            int first = 3 * mix;
            var ports = target.CreateMix(mix, [generator.PortOf(first), generator.PortOf(first + 1), generator.PortOf(first + 2)]);
            for (int p = 0; p < 3; p++)
            {
                generator.Target(first + p, ports[p]);
            }
        }

        generator.Start(1);
        Thread.Sleep(warmup);
        var before = target.MixTicks() ?? throw new InvalidOperationException($"{target.Name} has no mixing loop counters");
        long receivedBefore = generator.Received(255);
        var cpuBefore = relayPid > 0 ? ProcessCpu.Read(relayPid) : null;
        var clock = Stopwatch.StartNew();
        Thread.Sleep(measured);
        var after = target.MixTicks()!.Value;
        long receivedAfter = generator.Received(255);
        double seconds = clock.Elapsed.TotalSeconds;
        double cpu = CpuPercent(cpuBefore, relayPid > 0 ? ProcessCpu.Read(relayPid) : null, seconds);
        generator.Stop();
        long lag = generator.MaxPacerLagMicros;
        long skipped = generator.SkippedSlots;
        target.ReleaseAll();
        double expected = mixes * 3 * 50 * seconds;
        double delivered = expected == 0 ? 100 : 100.0 * (receivedAfter - receivedBefore) / expected;
        return string.Concat(
            $"media-compare mix target={target.Name} mixes={mixes} receive={(drain ? "drain" : "block")} seconds={measured.TotalSeconds:0} ticks={after.Ticks - before.Ticks} ",
            $"missed_ticks={after.Missed - before.Missed} late_ticks={after.Late - before.Late} gen0_gcs={after.Gen0 - before.Gen0} delivered_pct={delivered:0.0} relay_cpu_pct={cpu:0.0} pacer_lag_max_us={lag} pacer_skipped_ms={skipped}");
    }

    /// <summary>CPU used by the relay process over the window, in % of one core; -1 when not measured.</summary>
    private static double CpuPercent(TimeSpan? before, TimeSpan? after, double seconds) =>
        before is { } b && after is { } a && seconds > 0 ? 100.0 * (a - b).TotalSeconds / seconds : -1;

    private static Phase Measure(TrafficGenerator generator, int warmupTag, int tag, TimeSpan measured, TimeSpan warmup, int relayPid)
    {
        generator.Start(warmupTag);
        Thread.Sleep(warmup);
        generator.Retag(tag);
        var cpuBefore = relayPid > 0 ? ProcessCpu.Read(relayPid) : null;
        var clock = Stopwatch.StartNew();
        Thread.Sleep(measured);
        double cpu = CpuPercent(cpuBefore, relayPid > 0 ? ProcessCpu.Read(relayPid) : null, clock.Elapsed.TotalSeconds);
        generator.Stop();
        Thread.Sleep(DrainMilliseconds);
        long sent = generator.Sent(tag);
        long received = generator.Received(tag);
        var latency = generator.Latency(tag);
        return new Phase(
            sent,
            received,
            sent == 0 ? 0 : 100.0 * (sent - received) / sent,
            latency.Percentile(50),
            latency.Percentile(99),
            latency.Percentile(99.9),
            generator.MaxPacerLagMicros,
            generator.SkippedSlots,
            cpu);
    }

    private sealed record Phase(long Sent, long Received, double LossPercent, long P50, long P99, long P999, long PacerLag, long Skipped, double RelayCpuPercent);
}
