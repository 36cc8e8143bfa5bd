using System.Collections.Concurrent;
using System.Globalization;
using Akka.Actor;
using CallCluster.Actors.Persistence;
using CallCluster.Actors.Sessions;

namespace CallCluster.JournalBench;

/// <summary>The measurements; each prints one line per figure.</summary>
public static class Workloads
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(30);

    /// <summary>(i) Whole plain calls on many concurrent session entities.</summary>
    public static async Task Calls(BenchOptions o, Database database, string run)
    {
        var system = BenchSystem.Start(o);
        try
        {
            var driver = new CallDriver(system);
            await Workers.Run(Math.Min(o.Concurrency, 50), 100, o.Budget, (n, l) => driver.FullCall(new SessionId($"{run}-w{n}"), l));
            var before = await BenchSystem.JournalRows(database);
            var cpu = Cpu();
            var r = await Workers.Run(o.Concurrency, o.Count, o.Budget, (n, l) => driver.FullCall(new SessionId($"{run}-{n}"), l));
            cpu = Cpu() - cpu;
            var events = await BenchSystem.JournalRows(database) - before;
            var seconds = r.Elapsed.TotalSeconds;
            Print(o, "calls",
                $"concurrency={o.Concurrency} calls={r.Done} failed={r.Failed} seconds={seconds:F1} calls_per_s={r.Done / seconds:F0} " +
                $"events={events} events_per_call={(r.Done == 0 ? 0 : (double)events / r.Done):F1} events_per_s={events / seconds:F0} " +
                $"persist_p50_ms={Workers.PercentileMs(r.Latencies, 50):F1} persist_p99_ms={Workers.PercentileMs(r.Latencies, 99):F1} " +
                $"cpu_ms_per_call={cpu.TotalMilliseconds / Math.Max(1, r.Done):F2} calls_per_cpu_s={r.Done / Math.Max(0.001, cpu.TotalSeconds):F0}", r.FirstError);
        }
        finally
        {
            await system.Terminate();
        }
    }

    /// <summary>(ii) The minimal persistent actor: each writer persists its events one after another.</summary>
    public static async Task Raw(BenchOptions o, Database database, string run)
    {
        var system = BenchSystem.Start(o);
        try
        {
            Task Write(string id, int events) =>
                system.ActorOf(RawWriter.Props(id, o.NewWriters, o.PayloadBytes)).Ask<RawWriter.Written>(new RawWriter.Write(events), AskTimeout);
            // Warm-up, not measured: a fifth of the run's writers (10 to 10,000) of the same shape, so the JIT is done.
            await Workers.Run(o.Concurrency, Math.Clamp(o.Count / 5, 10, 10_000), o.Budget, (n, _) => Write($"raw-{run}-w{n}", o.EventsPerWriter));
            var before = await BenchSystem.JournalRows(database);
            var cpu = Cpu();
            var r = await Workers.Run(o.Concurrency, o.Count, o.Budget, async (n, l) =>
            {
                var start = System.Diagnostics.Stopwatch.GetTimestamp();
                await Write($"raw-{run}-{n}", o.EventsPerWriter);
                l.Add(System.Diagnostics.Stopwatch.GetElapsedTime(start).Ticks / 10 / Math.Max(1, o.EventsPerWriter));
            });
            cpu = Cpu() - cpu;
            var events = await BenchSystem.JournalRows(database) - before;
            var seconds = r.Elapsed.TotalSeconds;
            Print(o, "raw",
                $"writers_in_flight={o.Concurrency} writers={r.Done} events_each={o.EventsPerWriter} new={(o.NewWriters ? "on" : "off")} payload={string.Join(',', o.PayloadBytes)} failed={r.Failed} seconds={seconds:F1} " +
                $"events={events} events_per_s={events / seconds:F0} mean_persist_ms_p50={Workers.PercentileMs(r.Latencies, 50):F1} " +
                $"mean_persist_ms_p99={Workers.PercentileMs(r.Latencies, 99):F1} events_per_cpu_s={events / Math.Max(0.001, cpu.TotalSeconds):F0} writers_per_s={r.Done / seconds:F0}", r.FirstError);
        }
        finally
        {
            await system.Terminate();
        }
    }

    /// <summary>(iv) Memory per established session, then (iii) recovery of those sessions in a new system.</summary>
    public static async Task MemoryAndRecovery(BenchOptions o, Database database, string run)
    {
        var established = new ConcurrentBag<int>();
        long eventsWritten;
        var system = BenchSystem.Start(o);
        try
        {
            var driver = new CallDriver(system);
            await Workers.Run(Math.Min(o.Concurrency, 50), 100, o.Budget, (n, l) => driver.FullCall(new SessionId($"{run}-w{n}"), l));
            var (heap0, ws0) = Measure();
            var before = await BenchSystem.JournalRows(database);
            var r = await Workers.Run(o.Concurrency, o.Count, o.Budget, async (n, l) =>
            {
                await driver.Establish(new SessionId($"{run}-{n}"), l);
                established.Add(n);
            });
            eventsWritten = await BenchSystem.JournalRows(database) - before;
            await Task.Delay(1000);
            var (heap1, ws1) = Measure();
            var count = Math.Max(1, r.Done);
            Print(o, "memory",
                $"sessions={r.Done} failed={r.Failed} establish_seconds={r.Elapsed.TotalSeconds:F1} established_per_s={r.Done / r.Elapsed.TotalSeconds:F0} " +
                $"events={eventsWritten} heap_mib={heap1 / 1048576.0:F0} working_set_mib={ws1 / 1048576.0:F0} " +
                $"heap_bytes_per_session={(heap1 - heap0) / count} working_set_bytes_per_session={(ws1 - ws0) / count} " +
                $"heap_gib_for_50k={(double)(heap1 - heap0) / count * 50000 / (1L << 30):F2}", r.FirstError);
        }
        finally
        {
            await system.Terminate();
        }

        var ids = established.Order().Take(o.Recover).ToArray();
        if (ids.Length == 0)
        {
            return;
        }

        var perSession = (double)eventsWritten / Math.Max(1, established.Count);
        system = BenchSystem.Start(o);
        try
        {
            var driver = new CallDriver(system);
            var cpu = Cpu();
            var r = await Workers.Run(o.Concurrency, ids.Length, o.Budget, async (n, _) =>
            {
                var view = await driver.Recover(new SessionId($"{run}-{ids[n]}"));
                if (view.Phase != SessionPhase.Established)
                {
                    throw new InvalidOperationException($"recovered in phase {view.Phase}");
                }
            });
            cpu = Cpu() - cpu;
            var seconds = r.Elapsed.TotalSeconds;
            var replayed = perSession * r.Done;
            Print(o, "recovery",
                $"sessions={r.Done} failed={r.Failed} seconds={seconds:F1} sessions_per_s={r.Done / seconds:F0} " +
                $"events_replayed={replayed:F0} events_per_s={replayed / seconds:F0} events_per_cpu_s={replayed / Math.Max(0.001, cpu.TotalSeconds):F0}", r.FirstError);
        }
        finally
        {
            await system.Terminate();
        }
    }

    /// <summary>CPU time this process used so far (all threads): a figure the machine's other load does not inflate.</summary>
    private static TimeSpan Cpu() => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;

    private static (long Heap, long WorkingSet) Measure()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        return (heap, Environment.WorkingSet);
    }

    private static void Print(BenchOptions o, string workload, string figures, string? error)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"journal provider={o.Provider} label={o.Label} workload={workload} {figures}");
        Console.WriteLine(line);
        if (error is not null)
        {
            Console.WriteLine($"journal provider={o.Provider} label={o.Label} workload={workload} first_error=\"{error}\"");
        }
    }
}
