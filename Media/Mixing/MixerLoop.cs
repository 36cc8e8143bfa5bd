using System.Collections.Concurrent;
using CallCluster.Media.Audio;

namespace CallCluster.Media.Mixing;

/// <summary>
/// One mixing thread (one per core), ticking every 20 ms on a precise clock: it sleeps until just
/// before the deadline, then spins the last stretch. Mixes are handed in and out through a
/// lock-free queue and live in the loop's own list; every tick runs every mix it owns. When the
/// thread was held off the CPU for a whole period or more (another thread on its core, a garbage
/// collection), it catches up: up to <see cref="MaxCatchUp"/> periods are run back to back, each
/// taking the next frame from the jitter buffers, so no 20 ms frame is lost and receivers see a
/// short burst that their jitter buffers absorb (counted in <see cref="LateTicks"/>). A stall
/// longer than that is not replayed: those ticks are counted as missed and the schedule re-aligns.
/// A loop given the real-time class (SCHED_FIFO) leaves it while it is overloaded and asks for it
/// again once calm (<see cref="RealtimeGuard"/>), so it never holds its core against the node's
/// other threads.
/// </summary>
public sealed class MixerLoop : IDisposable
{
    private readonly ConcurrentQueue<(AudioMix Mix, bool Add)> commands = new();
    private readonly List<AudioMix> mixes = [];
    private readonly TimeProvider time;
    private readonly TimeSpan spinTail;
    private readonly int realtimePriority;
    private readonly Thread thread;
    private volatile bool stopping;
    private int assigned;
    private long ticks;
    private long missed;
    private long late;
    private long maxLatenessTicks;
    private long failures;
    private long realtimeLeaves;
    private volatile bool realtime;
    private readonly long origin;

    /// <summary>The most periods a stalled loop runs back to back to catch up (100 ms of audio).</summary>
    public const int MaxCatchUp = 5;

    /// <summary>Starts the loop's thread; <paramref name="realtimePriority"/> 1-99 asks for SCHED_FIFO at that priority (0: normal scheduling).</summary>
    public MixerLoop(int index, TimeProvider time, TimeSpan spinTail, int realtimePriority = 0)
    {
        this.time = time;
        this.spinTail = spinTail;
        this.realtimePriority = realtimePriority;
        // The schedule starts now, not when the thread first runs: the first tick is one period after creation.
        origin = time.GetTimestamp();
        thread = new Thread(Run) { IsBackground = true, Name = $"media-mixer-{index}", Priority = ThreadPriority.AboveNormal };
        thread.Start();
    }

    /// <summary>True once the thread runs in the real-time class (asked for and permitted).</summary>
    public bool Realtime => realtime;

    /// <summary>Mixes assigned (including ones still being handed in).</summary>
    public int Assigned => Volatile.Read(ref assigned);

    /// <summary>Ticks run.</summary>
    public long Ticks => Interlocked.Read(ref ticks);

    /// <summary>Ticks never run: the loop was more than <see cref="MaxCatchUp"/> periods late and re-aligned.</summary>
    public long MissedTicks => Interlocked.Read(ref missed);

    /// <summary>Ticks run a whole period or more after their deadline, as part of catching up.</summary>
    public long LateTicks => Interlocked.Read(ref late);

    /// <summary>Largest lateness of a tick start, in <see cref="TimeProvider.TimestampFrequency"/> units.</summary>
    public long MaxLateness => Interlocked.Read(ref maxLatenessTicks);

    /// <summary>Mix ticks that threw (a defect; the loop goes on).</summary>
    public long Failures => Interlocked.Read(ref failures);

    /// <summary>Times the loop left the real-time class because it could not keep up (<see cref="RealtimeGuard"/>).</summary>
    public long RealtimeLeaves => Interlocked.Read(ref realtimeLeaves);

    /// <summary>Hands a mix to the loop; it is ticked from the next tick on.</summary>
    public void Add(AudioMix mix)
    {
        Interlocked.Increment(ref assigned);
        commands.Enqueue((mix, true));
    }

    /// <summary>Takes a mix out; its queued buffers are returned by the loop.</summary>
    public void Remove(AudioMix mix)
    {
        Interlocked.Decrement(ref assigned);
        commands.Enqueue((mix, false));
    }

    /// <summary>Stops the thread (waits up to a second for it).</summary>
    public void Dispose()
    {
        stopping = true;
        thread.Join(TimeSpan.FromSeconds(1));
    }

    private void Run()
    {
        realtime = realtimePriority > 0 && RealtimeScheduling.TryEnter(realtimePriority);
        var guard = new RealtimeGuard();
        var batch = new Transport.DatagramBatch();
        bool permitted = realtime;
        long period = (long)(time.TimestampFrequency * AudioFrame.Duration.TotalSeconds);
        long next = origin + period;
        long windowStart = origin;
        long windowWork = 0;
        int windowTicks = 0;
        while (!stopping)
        {
            WaitUntil(next, precise: mixes.Count > 0 || !commands.IsEmpty);
            long now = time.GetTimestamp();
            long lateness = now - next;
            if (lateness > Interlocked.Read(ref maxLatenessTicks))
            {
                Interlocked.Exchange(ref maxLatenessTicks, lateness);
            }

            if (lateness > period * MaxCatchUp)
            {
                if (mixes.Count > 0)
                {
                    Interlocked.Add(ref missed, lateness / period);
                }

                next = now;
            }
            else if (lateness >= period && mixes.Count > 0)
            {
                Interlocked.Increment(ref late);
            }

            next += period;
            ApplyCommands();
            var at = time.GetElapsedTime(0);
            foreach (var mix in mixes)
            {
                try
                {
                    mix.Tick(at, batch);
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref failures);
                }
            }

            Interlocked.Increment(ref ticks);
            if (permitted)
            {
                long done = time.GetTimestamp();
                windowWork += done - now;
                if (++windowTicks == RealtimeGuard.WindowTicks)
                {
                    ApplyGuard(guard.Observe(windowWork / (double)Math.Max(1, done - windowStart), realtime, permitted));
                    windowStart = done;
                    windowWork = 0;
                    windowTicks = 0;
                }
            }
        }

        ApplyCommands();
        foreach (var mix in mixes)
        {
            mix.Drain();
        }
    }

    private void ApplyGuard(RealtimeGuard.Step step)
    {
        if (step == RealtimeGuard.Step.Leave && RealtimeScheduling.TryLeave())
        {
            realtime = false;
            Interlocked.Increment(ref realtimeLeaves);
        }
        else if (step == RealtimeGuard.Step.Enter && RealtimeScheduling.TryEnter(realtimePriority))
        {
            realtime = true;
        }
    }

    private void ApplyCommands()
    {
        while (commands.TryDequeue(out var command))
        {
            if (command.Add)
            {
                mixes.Add(command.Mix);
            }
            else if (mixes.Remove(command.Mix))
            {
                command.Mix.Drain();
            }
        }
    }

    private void WaitUntil(long deadline, bool precise)
    {
        // An idle loop only sleeps; the spin tail is paid only while there is audio to mix.
        long tail = precise ? (long)(time.TimestampFrequency * spinTail.TotalSeconds) : 0;
        while (!stopping)
        {
            long remaining = deadline - time.GetTimestamp();
            if (remaining <= 0)
            {
                return;
            }

            if (remaining > tail || !precise)
            {
                var sleep = TimeSpan.FromSeconds((remaining - tail) / (double)time.TimestampFrequency);
                Thread.Sleep(sleep < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : sleep);
            }
            else
            {
                Thread.SpinWait(64);
            }
        }
    }
}
